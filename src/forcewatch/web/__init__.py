"""The web app: JSON API, curator pages and the public dashboard (FastAPI, Jinja2, SVG).

    from forcewatch.web.app import create_app
    app = create_app(settings)        # serve with uvicorn

Needs the `web` extra (pip install 'forcewatch[web]'). See docs/web.md.
"""
