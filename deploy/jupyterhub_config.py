"""JupyterHub for an organisation: every candidate signs in to the Hub, gets their
own single-user server showing the workbook dashboard through Voilà, and all of them
store in one shared PostgreSQL database.

The workbook reads ``JUPYTERHUB_USER`` (set by the Hub in every user's server) and
signs the candidate in without a personal code.

Install on the Hub machine (and in the users' environment):
    pip install jupyterhub workbook[postgres] voila
Then: jupyterhub -f deploy/jupyterhub_config.py
"""

import os

c = get_config()  # type: ignore[name-defined]  # noqa: F821  (JupyterHub provides it)

# The dashboard notebook shipped with the package, served by Voilà's server extension.
c.Spawner.default_url = "/voila/render/workbook.ipynb"
c.Spawner.notebook_dir = os.environ.get("WORKBOOK_NOTEBOOKS", "/srv/workbook/notebooks")

# One shared database for the organisation; candidates only ever see their own rows
# (the store scopes every query), coaches only their own workshops.
c.Spawner.environment = {
    "WORKBOOK_DB": os.environ.get("WORKBOOK_DB", "postgresql+psycopg://workbook:CHANGE-ME@db.internal/workbook"),
}

# Workshop sizes: 40 candidates on one 24 GiB machine; a workbook kernel needs about
# 150-250 MB. Idle servers are stopped by the idle culler service below.
c.Spawner.mem_limit = "1G"
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": ["python3", "-m", "jupyterhub_idle_culler", "--timeout=1800"],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]

# Authentication: use your organisation's (OAuthenticator, LDAP). For a trial only:
# c.JupyterHub.authenticator_class = "dummy"
