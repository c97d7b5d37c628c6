"""English dates as the organisation writes them ("2 December 2026"), not Django's US
default ("Dec. 2, 2026"). The other languages use Django's own formats for their locale."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
