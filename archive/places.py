"""Other spellings of the places the archive names: cities, venues, countries.

The archive writes "Pyongyang" and "Vostochny"; readers also type "Пхеньян", "평양" or
"Vostochniy". These spellings are applied like people's (archive.names): a document naming a place
in another spelling is also indexed under the archive's spelling, and a reader's spelling is
searched as the archive's.

beyond_sources: none of these spellings come from the five source documents. Each is the place's
standard name in Russian or Korean (or Chinese, for places in China), or a romanisation in common
use, all certain public knowledge. Misspellings are not listed: the spelling corrector deals with
those (search.spelling).
"""

# (the archive's spelling, other spellings)
PLACES = [
    # Cities
    ("Pyongyang", ["Пхеньян", "평양", "P'yŏngyang", "Phyongyang", "Pyeongyang"]),
    ("Vladivostok", ["Владивосток", "블라디보스토크", "블라디보스톡"]),
    ("Moscow", ["Москва", "모스크바", "Moskva"]),
    ("Beijing", ["Пекин", "베이징", "北京", "Peking"]),
    ("Seoul", ["Сеул", "서울"]),
    ("Hanoi", ["Ханой", "하노이", "Hà Nội", "Ha Noi"]),
    ("Helsinki", ["Хельсинки", "헬싱키", "Helsingfors"]),
    ("Singapore", ["Сингапур", "싱가포르"]),
    (
        "St Petersburg",
        ["Санкт-Петербург", "상트페테르부르크", "Saint Petersburg", "Sankt-Peterburg"],
    ),
    # Venues and regions
    ("Vostochny", ["Восточный", "보스토치니", "Vostochniy", "Vostochnyy", "Vostochnyi"]),
    ("Russky Island", ["остров Русский", "Russkiy Island", "Russky Ostrov"]),
    (
        "Far Eastern Federal University",
        ["Дальневосточный федеральный университет", "ДВФУ", "FEFU"],
    ),
    ("Kremlin", ["Кремль", "크렘린"]),
    ("Tiananmen", ["Тяньаньмэнь", "天安门", "톈안먼", "Tian'anmen"]),
    ("Diaoyutai", ["钓鱼台", "Дяоюйтай"]),
    ("Amur region", ["Амурская область", "Amur Oblast"]),
    # Countries
    ("Russia", ["Россия", "러시아", "Russian Federation", "Российская Федерация"]),
    (
        "North Korea",
        ["DPRK", "Democratic People's Republic of Korea", "КНДР", "Северная Корея", "북한"],
    ),
    ("South Korea", ["Republic of Korea", "Южная Корея", "대한민국", "한국"]),
    ("China", ["Китай", "중국", "中国", "People's Republic of China"]),
    ("Vietnam", ["Viet Nam", "Вьетнам", "베트남"]),
    ("Finland", ["Финляндия", "핀란드"]),
    ("United States", ["United States of America", "США", "미국"]),
]
