"""The forcewatch exception tree.

    ForcewatchError
    ├── ConfigError    bad settings or command-line values
    ├── SourceError    a file, line or page that cannot be read as a document
    │   ├── NoArticleError  a page that holds no article text (index, login, error page)
    │   └── FetchError      a feed or page that could not be fetched over HTTP
    ├── ExtractError   a document the analysis stages cannot handle
    ├── StoreError     the database refused or failed a write or read
    │   ├── CurationError  a curator action that conflicts with the data or an earlier action
    │   └── AccountError   a user name, role or password that cannot be used
    └── EvalError      a gold corpus that does not follow the gold format

Messages name the thing (file, line, field) and say what to do.
"""


class ForcewatchError(Exception):
    """Base of every error forcewatch raises on purpose."""


class ConfigError(ForcewatchError):
    """A setting or command-line value is invalid."""


class SourceError(ForcewatchError):
    """An input cannot be read as a document."""


class NoArticleError(SourceError):
    """A page was read but holds no article text: web archives and feeds skip it."""


class FetchError(SourceError):
    """A feed, page or robots.txt could not be fetched (the message names the URL)."""


class ExtractError(ForcewatchError):
    """A document cannot be analysed."""


class StoreError(ForcewatchError):
    """The database failed a read or write."""


class CurationError(StoreError):
    """A curator's merge or split cannot be done as asked (the message says what to do)."""


class ConflictError(CurationError):
    """Someone else changed the incident since the curator opened it (optimistic locking)."""


class AccountError(StoreError):
    """A web user cannot be added or signed in as asked (the message says why)."""


class EvalError(ForcewatchError):
    """A gold corpus cannot be scored."""
