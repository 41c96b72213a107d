"""Countries the archive names, keyed by ISO 3166-1 alpha-2 code."""

COUNTRIES = {
    "RU": "Russia",
    "KP": "North Korea (DPRK)",
    "KR": "South Korea",
    "CN": "China",
    "US": "United States",
    "IN": "India",
    "SG": "Singapore",
    "VN": "Vietnam",
    "FI": "Finland",
    "GB": "United Kingdom",
}

COUNTRY_CHOICES = sorted(COUNTRIES.items(), key=lambda item: item[1])
