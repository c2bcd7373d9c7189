"""Network access of the `careers` commands (adapter level, beside cli/): one HTTP client with one retry policy and
bounds on what a remote server can make us read, shared by the ATS import, the notifiers and manifest reads."""
