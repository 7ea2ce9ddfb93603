"""Where raw input comes from. Every source yields ``RawDocument`` rows or ``Rejection`` rows.

A source never raises for bad input: what it cannot read becomes a ``Rejection`` with a short
reason code and a human detail, and everything else is still read.
"""

from flows.sources.files import (
    SUPPORTED_SUFFIXES,
    InputFile,
    SourceError,
    discover_inputs,
    iter_documents,
)
from flows.sources.records import RAW_SCHEMA, RawDocument, Rejection, raw_frame

__all__ = [
    "RAW_SCHEMA",
    "SUPPORTED_SUFFIXES",
    "InputFile",
    "RawDocument",
    "Rejection",
    "SourceError",
    "discover_inputs",
    "iter_documents",
    "raw_frame",
]
