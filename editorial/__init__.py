"""The editorial workflow's records: a live item's working draft and its review request.

Generic over every `Publishable` content type (a content type and an id, as LogEntry keeps
them); the admin that writes them is `news.admin.working_drafts` and `news.admin.review`.
"""
