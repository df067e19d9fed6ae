"""The checklist's tick boxes are hidden from screen readers, nothing else is touched."""
from mbc_guide.html import task_list
from tests.helpers import on_fragment


def hide_boxes(html: str) -> str:
    return on_fragment(task_list.hide_boxes, html)[0]


def test_disabled_task_list_boxes_are_hidden():
    html = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> Question?</li>')
    assert '<label class="task-list-control"><input type="checkbox" disabled="" aria-hidden="true">' in hide_boxes(html)


def test_the_label_itself_is_not_hidden():
    """HTML forbids aria-hidden on a label that holds a control (Nu Html Checker error)."""
    html = '<label class="task-list-control"><input type="checkbox" disabled/></label>'
    assert '<label class="task-list-control">' in hide_boxes(html)


def test_other_labels_and_boxes_are_left_alone():
    html = ('<label class="task-list-control"><input type="checkbox"></label><label for="x">X</label>'
            '<input type="checkbox" disabled=""> <p>label class="task-list-control"&gt;</p>')
    assert hide_boxes(html) == html
