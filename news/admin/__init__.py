"""The editors' admin for news items, meetings and the news taxonomy (registered on import)."""

from news.admin import meetings, news_items, taxonomy

__all__ = ["meetings", "news_items", "taxonomy"]
