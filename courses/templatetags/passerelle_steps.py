import random

from django import template

register = template.Library()


@register.simple_tag
def shuffled(items, seed):
    """The items in an order that depends only on ``seed`` and is never the given (correct) one."""
    items = list(items)
    if len(items) < 2:
        return items
    shuffled_items = items[:]
    random.Random(str(seed)).shuffle(shuffled_items)  # noqa: S311 - not for security
    if shuffled_items == items:
        shuffled_items = items[1:] + items[:1]
    return shuffled_items
