"""The H5P step of a lesson, as the lesson page renders it: a sandboxed frame of the chosen
package, or a clear message when there is nothing to play."""

import re

import pytest
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from h5p.blocks import H5PStepBlock

pytestmark = pytest.mark.django_db


def render(value, language="en", **context):
    block = H5PStepBlock()
    with translation.override(language):
        return block.render(block.to_python(value), context={"step_id": "5f0c", **context})


def test_the_step_plays_its_package_in_a_frame_without_same_origin(package, lesson_page):
    html = render({"package": package.pk, "required": True, "pass_threshold": 60}, page=lesson_page)

    frame = re.search(r"<iframe[^>]*>", html).group(0)
    assert f'src="/h5p/{package.pk}/frame/"' in frame
    assert 'sandbox="allow-scripts"' in frame and "allow-same-origin" not in html
    assert f'data-lesson="{lesson_page.pk}"' in html and 'data-step-id="5f0c"' in html
    assert "/static/h5p/relay.js" in html


@pytest.mark.parametrize(("required", "advice"), [
    (True, "Ask your trainer for help."), (False, "It is optional: you can go on to the next step."),
])
def test_a_step_whose_package_is_gone_says_so(required, advice):
    html = render({"package": None, "required": required, "pass_threshold": 60})

    assert "<iframe" not in html
    assert "This activity could not be loaded." in html and advice in html
    with translation.override("fr"):
        in_french = translation.gettext("This activity could not be loaded.")
    assert in_french != "This activity could not be loaded."
    assert in_french in render({"package": None, "required": required, "pass_threshold": 60}, language="fr")


def test_the_pass_threshold_is_a_percentage(package):
    block = H5PStepBlock()

    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"package": package.pk, "required": True, "pass_threshold": 120}))

    assert set(refused.value.block_errors) == {"pass_threshold"}
