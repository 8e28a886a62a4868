"""The performance benchmarks P1-P5; run from the repository root as modules (``make bench``)."""
