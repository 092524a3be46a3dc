from dutybot.files import unwritable_reason


def test_writable_folder_is_made(tmp_path):
    assert unwritable_reason(tmp_path / "a" / "b") is None
    assert (tmp_path / "a" / "b").is_dir()
    assert list((tmp_path / "a" / "b").iterdir()) == []


def test_folder_under_a_file_is_unwritable(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert unwritable_reason(blocker / "data") is not None


def test_safe_names_have_no_folder_part():
    from dutybot.files import safe_name

    assert safe_name("市委办/督查室") == "市委办_督查室"
    assert safe_name("../../etc/passwd") == "etc_passwd"
    assert safe_name('a\\b:c*d?"e<f>g|h') == "a_b_c_d_e_f_g_h"
    assert safe_name("..") == "单位"
    assert safe_name("  ") == "单位"


def test_atomic_write_leaves_no_partial_file(tmp_path):
    import pytest

    from dutybot.files import atomic_save, atomic_write

    target = tmp_path / "a.xlsx"
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"

    def broken(partial):
        partial.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_save(target, broken)
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]
