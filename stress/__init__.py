"""Stress scripts; run from the repository root as modules (``python -m stress.many_users``)."""
