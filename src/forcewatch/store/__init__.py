"""Storage: SQLAlchemy models, Alembic migrations and the repository functions.

from forcewatch.store import db, repo
engine = db.make_engine(settings.database_url)
db.upgrade(engine)
sessions = db.session_factory(engine)
outcome = repo.store_result(sessions, result)
"""
