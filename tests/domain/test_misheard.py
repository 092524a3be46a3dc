"""Words of the trade that voice input heard wrong are read as meant; ordinary words are not."""

from dutybot.reports.misheard import mend_misheard


def test_one_character_heard_wrong_is_put_back():
    assert mend_misheard("楼道小广高好多 当场铲掉", ()) == "楼道小广告好多 当场铲掉"
    assert mend_misheard("已通知物叶清理", ()) == "已通知物业清理"
    assert mend_misheard("有一个井改冇咗盖", ()) == "有一个井盖冇咗盖"
    assert mend_misheard("冇戴头魁", ()) == "冇戴头盔"
    assert mend_misheard("还有忙道上停了车", ()) == "还有盲道上停了车"
    assert (
        mend_misheard("小区门口共想单车到处停 我们都摆号了", ())
        == "小区门口共享单车到处停 我们都摆好了"
    )
    assert mend_misheard("路上拉圾有点多 电平车乱停", ()) == "路上垃圾有点多 电瓶车乱停"


def test_the_units_own_keywords_are_put_back_too():
    assert mend_misheard("门口有人飞线冲电", ("飞线充电",)) == "门口有人飞线充电"


def test_ordinary_words_stay_as_written():
    for text in (
        "劝导骑车逆行的3人",  # 骑车 is not 汽车
        "交到办公室",  # 办公室 is not 公示
        "冰溜子老鼻子了",  # 鼻子 is not 篦子
        "安排到火车站广场",  # 火车 is not 货车
        "电动车俩、共享单车仨",  # 俩 is two
        "铲车推的雪",  # 单 reads dan, not chan
        "为停车方便",  # 为 is a word by itself
        "地名标志牌",  # 识 reads shi
        "交上满意答卷",  # a two-character keyword (满溢) is not put back
        "电缆分支箱门被撬",  # 纸箱
        "整利索了",  # 整理
        "全部摆整齐了",
        "巷子摆起一堆装修垃圾",
        "社区已经盖好了",  # 已经 + 盖好, not 井盖
    ):
        assert mend_misheard(text, ()) == text, text


def test_names_are_never_touched():
    # A staff member called 吴业 is not 物业.
    assert mend_misheard("吴业 王芳 巡查", (), keep=("吴业", "王芳")) == "吴业 王芳 巡查"


def test_words_already_right_and_text_without_them():
    assert mend_misheard("小广告12张已清理", ()) == "小广告12张已清理"
    assert mend_misheard("", ()) == ""
    assert mend_misheard("abc 123", ()) == "abc 123"
