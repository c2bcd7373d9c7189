"""Deploy-time notifications (adapter level, beside cli/): compare the live site's build manifest with the new
one and tell search engines what changed, through IndexNow and Google's Indexing API. Used by `careers notify`."""
