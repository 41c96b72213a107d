def group_by(items, key):
    """[(key, [items])], keys in the order they first appear, items in their own order."""
    groups = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())
