"""forcewatch: a sourced record of police shootings, read from the news."""

__version__ = "0.1.0"
