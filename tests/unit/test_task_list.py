"""The checklist's tick boxes are hidden from screen readers, nothing else is touched."""
from task_list import hide_boxes


def test_disabled_task_list_boxes_are_hidden():
    html = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> Question?</li>')
    assert '<label class="task-list-control" aria-hidden="true"><input type="checkbox" disabled="">' in hide_boxes(html)


def test_other_labels_are_left_alone():
    html = '<label class="task-list-control"><input type="checkbox"/></label><label for="x">X</label>'
    assert hide_boxes(html) == html
