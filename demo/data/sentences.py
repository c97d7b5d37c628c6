"""The English sentences any topic shares: leads, statement titles, generic paragraphs."""

LEADS = (
    "{The_issuer} organised a {days}-day event in {city} on {date}, bringing together {n} "
    "{audience} to discuss {phrase}.",
    "On {date}, {the_issuer} brought together {n} {audience} {in_country} to discuss {phrase}.",
    "{n} {audience} took part in an event on {phrase} that {the_issuer} held in {city} on {date}.",
    "{The_issuer} held a meeting on {phrase} on {date} with {n} {audience} from across the "
    "OSCE region.",
)
STATEMENT_LEADS = (
    "{The_issuer} made the following statement on {date} on {phrase} {in_country}.",
    "Speaking on {date}, {the_issuer} underlined the importance of {phrase}.",
)
STATEMENT_TITLES = (
    "{issuer} welcomes progress on {phrase} {in_country}",
    "{issuer} calls on all sides to respect commitments on {phrase}",
    "Statement by {issuer} on {phrase}",
    "{issuer} concerned about developments affecting {phrase} {in_country}",
)
GENERIC_PARAGRAPHS = (
    "“{quote}” said {person}, {role}.",
    "The event was organised by {the_issuer} together with national partners and was "
    "made possible by contributions from {donors}.",
    "{The_issuer} will continue to work with the authorities and civil society {in_country} "
    "on {phrase}.",
    "It is part of a project that runs until {next_year} and has so far reached more than "
    "{reach} {audience}.",
)
QUOTES = (
    "This is work that takes patience, but the results speak for themselves",
    "We are committed to supporting our partners for as long as they need us",
    "What we saw today shows how much can be achieved when institutions work together",
    "The participating States have made commitments, and our task is to help them keep them",
    "Trust is built step by step, and every step matters",
    "Our partners are taking ownership, which is exactly what we hoped for",
)
HEADINGS = ("Background", "Next steps", "What the programme covers", "Key recommendations")
