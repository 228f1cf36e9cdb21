"""Batch runs on Ray: the ingest pipeline over many shards, written to the store in order.

Ray is an optional dependency (the `batch` extra); importing this package does
not import Ray, only `forcewatch.batch.run` does when a run starts.
"""
