"""Count tables typed into a message, written out as the sentences a person would read."""

from dutybot.reports.tables import read_tables

from .test_parser_readings import one, totals

ALIGNED = (
    "凤凰城社区 值班统计（周建国、吴婷婷）\n"
    "项目\u3000\u3000\u3000\u3000\u3000\u3000发现\u3000整改\n"
    "楼道小广告\u3000\u3000\u3000\u300015\u3000\u300015\n"
    "乱堆杂物\u3000\u3000\u3000\u3000\u3000 3\u3000\u3000 1\n"
    "小计\u3000\u3000\u3000\u3000\u3000\u3000\u300018\u3000\u300016\n"
    "楼道灯不亮\u3000\u3000\u3000\u3000 4\u3000\u3000 0\n"
    "合计\u3000\u3000\u3000\u3000\u3000\u3000\u300022\u3000\u300016\n"
    "备注：楼道灯已报社区"
)


def test_an_aligned_table_becomes_one_sentence_a_row():
    assert read_tables(ALIGNED).split("\n")[1:] == [
        "楼道小广告15处，已整改。",
        "乱堆杂物3处，已整改1处。",
        "楼道灯不亮4处。",
        "备注：楼道灯已报社区",
    ]


def test_group_headings_and_an_empty_cell_by_where_numbers_stand():
    text = (
        "类别\u3000\u3000\u3000发现\u3000当场整改\u3000移交\n"
        "市容秩序\u3000\u300017\u3000\u3000\u300015\u3000\u3000\u30002\n"
        "\u3000电动车\u3000\u300011\u3000\u3000\u300011\n"
        "\u3000摊床出店\u3000 6\u3000\u3000\u3000 4\u3000\u3000\u30002（移交市场管理处）\n"
        "基础设施\u3000\u3000 1\u3000\u3000\u3000 0\u3000\u3000\u30001\n"
        "\u3000井盖松动\u3000 1\u3000\u3000\u3000\u3000\u3000\u3000\u30001（报区城管）"
    )
    assert read_tables(text).split("\n") == [
        "电动车11处，已整改。",
        "摊床出店6处，已整改4处，移交市场管理处。",
        "井盖松动1处，报区城管。",
    ]


def test_a_tab_separated_table_keeps_empty_cells_in_place():
    text = "问题类别\t数量\t已整改\t未整改\n电动车乱停\t9\t9\t0\n破损路沿石\t1\t\t1"
    assert read_tables(text).split("\n") == ["电动车乱停9处，已整改。", "破损路沿石1处。"]


def test_counts_with_measure_words_outcomes_in_words_and_rates():
    text = (
        "问题｜数量｜处理\n楼道小广告｜23张｜已清理\n入户宣传｜18户｜—\n"
        "序号｜问题类型｜发现数｜已整改｜整改率\n1｜骑楼下堆放杂物｜4处｜3处｜75%\n"
        "2｜树根顶起地砖｜3块｜0｜0%\n合计｜—｜7｜3｜43%"
    )
    assert read_tables(text).split("\n") == [
        "楼道小广告23张，已清理。",
        "入户宣传18户。",
        "骑楼下堆放杂物4处，已整改3处。",
        "树根顶起地砖3块。",
    ]


def test_a_header_alone_is_left_as_written():
    alone = "发现 整改\n今天没啥问题"
    assert read_tables(alone) == alone


def test_a_table_read_as_a_report(unit_a):
    report = one(ALIGNED, unit_a)
    assert totals(report) == (22, 16, 6)


def test_a_numbered_table_whose_total_row_is_indented():
    text = (
        "序号 问题                     数量 整改\n"
        "①   楼道小广告               17   17\n"
        "④   楼道灯不亮                3    0（报物业）\n"
        "     合计                     20   17\n"
        "入户宣传 20户"
    )
    assert read_tables(text).split("\n") == [
        "楼道小广告17处，已整改。",
        "楼道灯不亮3处，报物业。",
        "入户宣传 20户",
    ]


def test_a_category_column_and_a_yes_no_column():
    text = (
        "类别\t问题\t发现\t整改\t未整改\n"
        "市容秩序\t电动车楼道停放\t6\t6\t0\n"
        "其他\t地下室堆放可燃物\t2\t0\t2\n"
        "问题描述\t数量\t是否整改\t备注\n"
        "人行道积雪\t2\t是\t\n"
        "盲道砖缺失\t3\t否\t已报区城管"
    )
    assert read_tables(text).split("\n") == [
        "电动车楼道停放6处，已整改。",
        "地下室堆放可燃物2处。",
        "人行道积雪2处，已整改。",
        "盲道砖缺失3处，已报区城管。",
    ]


def test_a_table_typed_as_slash_separated_lines():
    text = (
        "项目：数量/已处理/未处理\n电瓶车乱停：14/14/0\n河面漂浮物：2/1/1\n路灯不亮：1/0/1\n"
        "烟头纸屑：若干/已清/0\n合计：18/15/2\n备注：路灯已报区城管"
    )
    assert read_tables(text).split("\n") == [
        "电瓶车乱停14处，已整改。",
        "河面漂浮物2处，已整改1处。",
        "路灯不亮1处。",
        "烟头纸屑若干，已清。",
        "备注：路灯已报区城管",
    ]


def test_a_table_cut_by_single_spaces_with_done_and_undone_columns(unit_a):
    report = one(
        "值班日报 11.25 玄帝庙街\n人员 王晓明 李娜\n问题 数量 已改 未改\n电动车乱停 14 14 0\n"
        "共享单车 6 6 0\n盲道砖松动 2 0 2（已报城管）\n合计 22 20 2",
        unit_a,
    )
    assert totals(report) == (22, 20, 2)


def test_a_table_with_a_place_column_cut_by_double_spaces():
    text = (
        "11月3日玄帝庙街值班\n序号  问题  地点  数量  是否整改\n1  电动车乱停放  咖啡城门口  7辆  是\n"
        "2  烟头纸屑  人行道绿化带  若干  是\n3  盲道砖破损  永兴路口  2块  否，已上报"
    )
    assert read_tables(text).split("\n")[1:] == [
        "咖啡城门口电动车乱停放7辆，已整改。",
        "人行道绿化带烟头纸屑若干，已整改。",
        "永兴路口盲道砖破损2块，否，已上报。",
    ]


def test_a_number_cell_said_in_words():
    text = "玄帝庙街\n序号\t问题\t地点\t数量\t是否整改\n1\t电动车乱停放\t咖啡城门口\t二十来辆\t是\n2\t闯红灯\t永兴路口\t4人\t当场劝阻"
    assert read_tables(text).split("\n")[1:] == [
        "咖啡城门口电动车乱停放二十来辆，已整改。",
        "永兴路口闯红灯4人，当场劝阻。",
    ]


def test_a_count_put_right_in_its_own_cell():
    text = read_tables("问题\t数量\t处理\n电动车乱停\t11（更正：10）\t已规整\n盲道被占\t2\t已清\n")
    assert "电动车乱停10处" in text
    assert "更正" not in text
