from __future__ import annotations

from casebook.publish.html_tree import children_of, parse_html, walk


def test_void_elements_hold_nothing_and_stray_end_tags_close_only_what_is_open() -> None:
    root = parse_html('<p>a<img src="x.png" alt="X">b<br>c</em></p><p id="2">d</p>')
    first, second = children_of(root, "p")
    assert first.children[0] == "a" and first.children[2:] == ["b", first.children[3], "c"]
    assert [e.tag for e in walk(root)] == ["p", "img", "br", "p"]
    assert first.text() == "abc" and second.attrs == {"id": "2"}


def test_character_references_become_text_and_classes_are_a_set() -> None:
    [p] = children_of(parse_html('<p class="a  b">x &amp; &lt;y&gt;</p>'), "p")
    assert p.text() == "x & <y>" and p.classes == {"a", "b"}
