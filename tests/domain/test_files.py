from dutybot.files import unwritable_reason


def test_writable_folder_is_made(tmp_path):
    assert unwritable_reason(tmp_path / "a" / "b") is None
    assert (tmp_path / "a" / "b").is_dir()
    assert list((tmp_path / "a" / "b").iterdir()) == []


def test_folder_under_a_file_is_unwritable(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert unwritable_reason(blocker / "data") is not None
