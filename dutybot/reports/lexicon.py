"""The words reports are read with: duty words, problem words and objects, fix, request and
pending verbs, activities, summaries. Static; the unit's own words are in :mod:`.unitwords`."""

from __future__ import annotations

import re

from ..quantity import MEASURE_WORDS
from ..wordregex import word_pattern

CN = "〇零一二两三四五六七八九十"
_NUM = rf"(?:\d{{1,6}}|[{CN}百]{{1,8}})"

# One of these, or a site name, must occur for a message to be worth reading.
DUTY_WORDS = re.compile(
    r"值班|巡查|巡逻|到岗|网格|路段|路长|日报|整改|劝导|入户|问卷|宣传资料|志愿服务|创城|打卡|"
    r"(?:今天|今日)问题|发现问题|问题清单|"
    # 已巡，无异常: the round done, told in two characters.
    r"已巡|巡完|"
    # 公园巡了一圈, 江堤那边走了一趟: a round walked, told in plain words.
    r"(?:巡|走|转|逛)了一(?:圈|遍|趟)"
)
NOTICE_START = re.compile(
    # (各位，今天下午7网格值班情况：… is a team's report to the group.)
    r"^\s*+(?:@全体成员|@所有人|@全体|各位[,，：:](?!\s*+(?:今天|今日|汇报|报告)[^。\n]{0,12}?值班情况)|[【\[]?转发[】\]]?|"
    r"[【\[]?\s*+(?:通知|通报|公告|温馨提示|提醒)\s*+[】\]:：]|"
    # 明早东堤北路值班：…7:20东河桥头集合: who is on duty next, told ahead.
    r"(?:明早|明天|明日|后天)[^。，,\n]{0,12}?值班[:：]|"
    # 提醒明天（12月7日周一）值班的同事：…, 提醒一下～24号…加一班: a reminder to the group.
    r"提醒(?:一下)?[～~，,：:\s]*+(?:明[天日早]|后天|各位|大家|值班)|"
    # 【停电通知】, 【创城提示】: a notice with its subject in the brackets.
    r"[【\[][^】\]]{1,8}?(?:通知|通报|公告|提示|提醒|预警)[】\]]|"
    # 县城管局：移交的井盖问题已修复: another office answering, not a duty team reporting.
    r"[【\[]?(?:[县市区]|[\u4e00-\u9fff]{2,4}[县市区])[\u4e00-\u9fff]{1,6}(?:局|委|公司|中心|大队|所)"
    r"(?:回复|答复|反馈|通知)?[】\]]?\s*+[:：])"
)
NOTICE_WORDS = re.compile(
    # (以上，请各位领导审阅: a report handed up, not a notice handed down.)
    r"请各(?!位领导)|请大家|请相关|各值班组|安排如下|值班安排|排班如下|(?<!按照)(?<!根据)(?<!按)值班表|值班名单|"
    # 调整如下：…, 南晓燕和杜小娟对调: who is on duty when, changed.
    r"调整如下|排班调整|对调|已调整|值班调整[:：]|加一组|另行通知|"
    # …加一班，自愿报名，接龙: the coordinator gathering names for an extra duty.
    r"接龙|自愿报名|"
    # 报告！明日滨江大道值班人员…已通知到位: tomorrow's team, told.
    r"明[日天早][^。，,\n]{0,12}?值班人员|"
    # 麻烦发一下, 戴姐收一下: asking someone in the group for something.
    r"麻烦(?:发|报|补|看|确认|提供|核实)|(?<![已并])收一下|"
    r"名单如下|下周值班|务必|请于|特此(?!报告|汇报|补报)|(?<![已并])请(?:抓紧|尽快|及时|立即|马上)(?:整改|处理|落实|清理)|(?<![已并])请(?:督促|跟进|协调)|请[^，。；]{0,10}?于[^，。；]{0,12}?前|请[^，。；]{0,8}(?:值班的?同志|值班人员)"
    # 请王志刚同志带人再过一遍: the coordinator asking someone by name.
    r"|(?<![已并])请[\u4e00-\u9fff]{2,4}同志(?:带人|带队|牵头|负责|于|再|周|明|今)"
)
QUESTION = re.compile(r"[?？]|请问|吗[。！!~～\s]*$|怎么办|是否")
PERIOD_SUMMARY = re.compile(
    # (今年的最后一天…值班: the day, not the year's figures.)
    r"上个?月|本月|这个月|全月|今年(?!的?最后)|全年|本年度|"
    # 【11月第4周值班汇总】: a week of the month's figures.
    r"第[1-6一二三四五六]周|"
    # (累计志愿服务19人次: the day's own tally of work.)
    r"累计(?!志愿服务|服务|劝导|发放|入户|清理|清运|捡拾)|一共值班|共值班\d|\d{1,2}月份|[一二三四五六七八九十]{1,2}月份|"
    # 12月值班通报: a month's figures.
    r"\d{1,2}月(?:份)?值班(?:通报|统计|汇总|情况通报)|"
    # 11月路段值班9次，发现问题270多个，整改率95%以上; 11、12两个月…: a leader's period figures.
    r"\d{1,2}月[^，,。；;\n]{0,6}?值班[\d一二三四五六七八九十]{1,3}次|两个月|整改率|"
    # (上周五, 本周三 name a day, not a week's figures.)
    r"(?:本周|上周|这周)(?![一二三四五六日天末])"
)
# A tally for a period, sent to the group: statistics, a 通报, thanks for the month.
TALLY_NOTICE = re.compile(r"统计|通报|汇总|共值班|累计|感谢|辛苦了|排名|情况如下")
NO_PROBLEM = re.compile(
    # (冇么子大问题, 没有什么大问题: nothing much wrong.)
    r"(?:未|没有?|无|暂无|不存在)(?:看到|发现|见到?|查到)?(?:啥子|啥|什么|任何|明显|新增|新的?|其他|其它|大的?|别的)?"
    r"(?:大的?)?"
    r"(?:的)?(?:问题|异常|异常情况)|(?:问题|异常|存在问题|发现问题)[:：]?\s*+(?:无|没有|暂无|0(?![\d.]))|[0零]问题|"
    r"一切(?:都)?正常|情况正常|其余正常|其他(?:都)?(?:正常|好|还好|挺好)|其它正常|均正常|都挺好|"
    r"(?:别的|其他|其它|其余)(?:都|也)?(?:没啥|没什么|没事|没了|没有了|还行)|没啥(?:大)?(?:问题|事)|"
    r"没(?:啥)?毛病|"
    r"(?:没有?|无)(?:啥|什么)?(?:其他|其它|别的)(?:情况|的|事情?|事儿)?(?=$|[，。,；！!~\s])|"
    r"秩序良好|环境(?:整洁|良好|不错|挺好)|路段整洁|干净整洁|挺干净|很干净|比较干净|"
    r"整体(?:较好|良好|干净|还行)|(?:情况|路段|网格|社区)[:：]?\s*+(?:良好|正常)|"
    # 九网格 巡查一圈 正常: 正常 as a clause of its own.
    r"(?:^|(?<=[\s，,。；;：:]))(?:都|均|一切)?正常(?=$|[\s，,。；;！!~])"
)


# Sentences about other days or about plans are not today's problems.
NOT_COUNTED = re.compile(
    # (不算多, 不算太脏: not much, not very dirty.)
    r"不计入|不计|不重复统计|不再统计|不重复计|不再计|已计入|不统计|不算(?![多少大小太很特别严重])|不重复算|"
    r"不再算|不再列入|不列入|"
    r"不再重复"
)
# A problem from an earlier duty, still open or closed by others since (上周上报的井盖下沉已由
# 市政修复): not today's. (Fixed by the team today, it counts: see TODAY_WORK.)
CARRIED_OVER = re.compile(
    r"(?:上次|上周|前期|此前|之前|前几天|遗留|往期|以前|前天|上月|"
    # (12月17日丹霞社区值班发现：… is the day's own duty, whatever it left to others.)
    r"\d{1,2}月\d{1,2}[日号](?![^，。；：:]{0,12}?(?:值班|值守|巡查))|[上前]周[一二三四五六日天]|"
    # (30日报的台阶破损正在维修: the day of the month alone, with 报 or 移交.)
    r"(?<![\d月])\d{1,2}[日号](?=所?报|移交))"
    r"[^，。；]{0,12}"
    # (上周遗留的6号楼垃圾池破损…仍未修复: left over from then.)
    r"(?:反映|反馈|上报|报的|发现|提出|交办|问题|遗留|移交的)[^。；]{0,40}"
    r"(?:(?:仍|还|尚|依然|依旧)(?:未|没)|已由|由[^，。；]{1,6}(?:修复|修好|处理|解决|更换)|已?销号|"
    # (…仍停在原处, …正在维修，待验收: still there, or being mended by others.)
    r"仍停|仍在|依然在|正在(?:维修|协调|处理|修复)|待验收|"
    # 12月21日反馈的流浪狗问题，社区已联系县畜牧局处置完毕: closed by others since.
    r"(?:社区|物业|城管|市政|环卫|住建|交通|畜牧|供电|园林|街道|有关部门)[^，。；]{0,10}?"
    r"(?:处置|处理|修复|修好|清运|解决|更换)"
    r")"
)
# 被 of the passive (海报被撕了), not of 被子.
PASSIVE = re.compile(r"被(?![子褥单罩])")
TODAY_WORK = re.compile(r"今天|今日|本次|我们|当场|现场")
PLAN_START = re.compile(
    r"^(?:下一步|下步|明天|明日|下周|下次|今后|计划|拟|将继续|争取|"
    r"继续(?=加强|做好|开展|保持|跟进|关注|督促|推进|落实|巩固|抓好|努力))"
)

# Fragments that state what was looked at, not what was found.
# What was looked at, not what was found (对小区进行巡查); 对电动车进行了规整 is work done.
SCOPE = re.compile(
    r"对[^，。；]{0,24}?进行(?!了?(?:集中|全面|统一)?(?:规整|整理|清理|清扫|摆放|处理|清除|整治))|"
    r"重点(?:对|检查|巡查|整治|清理)|开展[^，。；]{0,10}?(?:整治|检查|巡查|排查)行动|"
    r"进行了?(?:检查|巡查|排查)|"
    # 水表井看了，都盖得好好的: what was looked at, the verb last.
    r"(?:看|查|检查|查看|排查)了(?:一遍|一下|一圈)?$"
)
POSITIVE = re.compile(
    r"干净|整洁|良好|正常|较好|有序|规范|整齐|无问题|未发现|没有?发现|无明显|未见|少了|减少|畅通|通畅|"
    r"停在停车区|停在车位|停在车棚|停放到位|"
    r"都有证|有证照|证照齐全|合规|达标"
)
NEGATED_START = re.compile(
    r"^(?:(?:巡查|检查|经巡查|经检查|今天|今日|本次|此次)(?:中|时)?[，,]?(?:均|并|也)?)?"
    r"(?:无(?!烟|障碍|证|照|牌|主)|未发现|没有?发现|没有|未见(?!整改|清理|处理|好转)|暂无|未看到|没看到|"
    # 路面都干了，没结冰: none of it.
    r"没(?=结冰|积水|积雪|垃圾|问题))"
    # 晚上也没人乱倒垃圾了, 没有人再往河里扔东西: nobody doing wrong.
    r"|^[^，,。；;]{0,8}?(?:也|都|就|再)?没有?人(?:再|敢)?(?:乱|随地|随意|随手|往|在)"
)
# 刚数了, 又数了一遍, 重新数了一下: counted again, before the right number.
# (刚才数错了, 数漏了: the count before was wrong; 刚对了照片: checked against the photos.)
RECOUNTED = (
    # (数数有十几部: counted, said twice over in Wu speech.)
    r"(?:刚才?|刚刚|又|重新)?(?:(?:重数|数数|数)了?(?:一下|一遍|下)?|数(?:错|漏|重|差)了"
    r"|(?:核对|对|看|翻)了?(?:一下|下)?照片)[，,\s]*+|再数"
)
# 不对, 哦不对, 不对不对, 讲错了: the count just said is wrong.
# (…一滩，嗯，不对，是两滩: a filler and its comma first.)
CORRECTION_FILLER = r"(?:(?:哦|噢|喔|呃|诶|嗯)[，,]?\s*+)?"
# 十几辆，啊不是，应该是二十来辆: 不是 after a filler takes the count back (不是我们的点 does not).
TAKEN_BACK = r"(?:啊|哦|噢|喔|呃|诶|哎|额)[，,]?\s*+不是"
CORRECTED = rf"(?:{CORRECTION_FILLER}(?:(?:不对)++|说错了|讲错了|错了|口误|更正)|{TAKEN_BACK})"
# Keywords that name things rather than problems (护栏 is fine until it is 松动).
OBJECT_WORDS = frozenset(
    (
        "电动车",
        "电瓶车",
        "电驴",
        "小电驴",
        "电单车",
        "自行车",
        "共享单车",
        "非机动车",
        "机动车",
        "车辆",
        "单车",
        # (旅游大巴：东门外辅道违停4辆: the vehicle, then what is wrong with it.)
        "大巴",
        "旅游大巴",
        "私家车",
        "小汽车",
        "井盖",
        "盲道砖",
        "地砖",
        "路沿石",
        "缘石",
        "路面",
        "护栏",
        "路灯",
        "灯罩",
        "健身器材",
        "座椅",
        "公益广告",
        "宣传栏",
        # (3家店出店经营，把货架摆到了人行道上: the racks are how the shops spilled out.)
        "货架",
        "展架",
        "宣传牌",
        "标语",
        "海报",
        "展板",
        "核心价值观",
        "讲文明树新风",
        "盲道",
        "窨井",
        "下水道",
        "栏杆",
        "台阶",
        "电线杆",
        "站牌",
        "车棚",
        "消防通道",
        "停放",
        "停车",
        "宣传",
        "卫生",
        "标识",
        "公示",
        "广告牌",
        "招牌",
        "消防栓",
        # A night market's furniture is a problem only where it stands (摆到人行道上).
        "桌凳",
        "桌子",
        "凳子",
        "折叠桌",
        "塑料凳",
    )
)
_PROBLEM_WORDS = [
    "乱",
    "临时停靠",
    "破损",
    "损坏",
    "缺失",
    "丢失",
    "松动",
    "不亮",
    "坏",
    "占用",
    "占道",
    "杂乱",
    "无序",
    "不规范",
    "过期",
    "褪色",
    "烂了",
    "不见了",
    "没有了",
    "过时",
    "陈旧",
    "过期",
    "脱落",
    "破旧",
    "残缺",
    "倒伏",
    "倾斜",
    "堵塞",
    "积水",
    "满溢",
    "未清",
    "随意",
    "违规",
    "违停",
    "堆积",
    "堆",
    "较多",
    "很多",
    # 电动车忒多, 垃圾贼多, 老多了, 停的老些: too many, in northern and Jianghuai speech.
    "老些",
    "一大些",
    "恁多",
    "忒多",
    "贼多",
    "老多",
    "太多",
    "蛮多",
    "多处",
    "若干",
    "一些",
    "扰民",
    "塌陷",
    "下沉",
    "坑洼",
    "裂缝",
    "断裂",
    "污损",
    "缺",
    "外溢",
    "散落",
    "不牵绳",
    "私搭",
    "张贴",
    "涂画",
    "晾晒",
    "发现",
    "有人",
    "存在",
    "被",
    "倒了",
    "倒地",
    "倒在",
    "歪",
    "掉落",
    "碎",
    "裂",
    "松了",
    "漏",
    "脏",
    "满了",
    "堵",
    "翘起",
    "凸起",
    "鼓包",
    "变形",
    "生锈",
    "锈蚀",
    "破了",
    "断了",
    "破洞",
    "破掉",
    "塌",
    # 共享单车横七竖八, 东倒西歪: strewn about.
    "横七竖八",
    "东倒西歪",
    "七零八落",
    # 井盖瞎咧, 路灯瞎了: broken, in northern speech.
    "瞎了",
    # 有辆废弃自行车, 补种的冬青死了一片: left to rot, dead.
    "废弃",
    "死了",
    # 有辆僵尸电瓶车 轮胎都瘪了: a vehicle abandoned where it stands.
    "僵尸",
]
PROBLEM_PREDICATE = re.compile(
    # 灯笼架子被风吹倒, 篷布被刮开了, 挡板被刮松了: what the wind did to a thing (before the
    # words, so that 被 alone, which only says something happened to it, does not take it).
    r"被(?:大)?风?(?:吹|刮)(?:得)?(?:倒|松|开|坏|歪|翻|跑|掉|落|断)|"
    + word_pattern(_PROBLEM_WORDS)
    + r"|(?<![撕拆铲清扔])掉了"
    # 停在盲道上 is wrong, 都停在停车区 is not.
    + r"|停(?:放)?在(?!停车区|停车位|车位|指定|划线|白线|停放区|非机动车停放区|规定|车棚)"
    # 共享单车到处停, 烟头到处都是: strewn about.
    + r"|到处(?:停|放|扔|丢|堆|贴|乱|都是|是)"
    + r"|晒被子|晒衣服|挂在树上"
    # 电单车倒 18: fallen over, the count typed after a space.
    + r"|(?<=[车桶牌杆树栏])倒(?=\s|\d|$)"
    # 井盖响, 一踩就咣当: a loose cover that rattles.
    + r"|(?<!影)响(?!应|亮|起)|咣当|哐当|晃荡"
    + r"|停[在到]?了?(?:人行道|盲道|路边|路口|门口|消防通道|绿化带|草坪|路上|马路|楼道)"
    # 井盖没盖严, 护栏没装好, 井盖盖不严: a thing not put right, so not safe.
    + r"|(?:没有?|未)(?:盖|关|装|锁|拴|系|固定)(?:严|好|牢|紧|上)|(?:盖|关)不(?:严|上|紧)"
    # 有个井盖有点松: a little wrong is wrong.
    + r"|有(?:一?点儿?|些)(?:松|歪|晃|斜|翘|破|烂|堵|漏|塌|陷)"
)

# How things ended. Result verbs say it is done even after 联系/通知 (已联系车主挪走); plain
# fix verbs need a sign that it happened (已, 当场, 了, 干净 …), or open the fragment
# (清理楼道小广告十二处), and after 通知/联系/报 they are only what was asked for.
_RESULT_VERBS = (
    "挪走",
    "挪开",
    "搬走",
    "搬离",
    "拖走",
    "拉走",
    "收走",
    "移走",
    "开走",
    "运走",
    "取走",
    "劝离",
    "驱离",
    "离开",
    "撤离",
    "收回",
    "撤回",
    "拆除",
    "清空",
    "清完",
    "修好",
    "捡起",
    "捡走",
    "驶离",
    "撤除",
    # 过期酱油已下架, 三无食品已下架封存: goods taken off the shelf.
    "下架",
    "拆掉",
    "清走",
    "搬回",
    "移开",
    "移除",
    "劝走",
    "撵走",
    "撵回",
    "赶回",
    "收摊",
    "撤摊",
    "驱赶",
    "驱散",
    "疏散",
    "取缔",
    "取下",
    "摘除",
    "摘下",
    "摘掉",
    # 塑料袋挂在树上，够下来七八个: reached down from the branches.
    "够下来",
    "够下",
    # 垃圾桶冻住三个，已用热水浇开; 冻住的桶盖敲开了: frozen shut, opened.
    "浇开",
    "敲开",
    "砸开",
    "复位",
    "退回",
    "撤走",
    # Children or offenders called down or back (翻栏杆的娃儿喊下来了, 给拽回人行道了).
    "喊下来",
    "叫下来",
    "劝下来",
    # 游客翻进晒场，我们劝出来了: out of where they should not be.
    "劝出来",
    "叫出来",
    "喊出来",
    "吼下来",
    "吼住",
    "拽回",
    "拉回",
    # 有俩小孩爬护栏，家长领走了: a child led away by its parents, the behaviour stopped.
    "领走",
    "抱下来",
    # Water mopped up, loose things made fast (污水拖干, 遮阳棚杆子绑结实了).
    "拖干",
    "擦干",
    "绑结实",
    "绑牢",
    "绑好",
    "固定好",
    "固定住",
    "加固了",
    # Ice knocked off eaves and steps (冰溜子已敲除, 拿杆子捅下来了).
    "敲除",
    "敲掉",
    "敲下",
    "捅下",
    "捅掉",
    "凿掉",
    "归整",
    "赶走",
    "轰走",
    "劝改",
    "扶起",
    "清出",
    "铲掉",
    "撕下",
    "收好",
    "劝回",
    "劝阻",
    "已清",
    "挪好",
    "摆齐",
    "摆回",
    "扔进",
    "扔到",
    "拎到",
    "劝导后",
    # 随地吐痰，已劝导: a person stopped; 劝导了…三人次 alone is work done (an activity).
    "已劝导",
    "当场劝导",
    "现场劝导",
    "及时劝导",
    "已劝说",
    "当场劝说",
    "已教育",
    "批评教育",
    "劝阻后",
    "劝说后",
    "经劝导",
    "经劝说",
    "装进",
    "放进",
    "倒进",
    "抬到",
    "摆得整齐",
    "摆得方方正正",
    "摆整齐",
    "✅",
    "☑",
    "✔",
)
_FIX_VERBS = (
    "清理",
    "清扫",
    "清除",
    "清运",
    "打扫",
    "捡拾",
    "拾捡",
    "捡",
    "规整",
    "整理",
    "处理",
    "修复",
    "维修",
    "修理",
    "更换",
    "撕掉",
    "撕除",
    "铲除",
    "擦除",
    "擦拭",
    "冲洗",
    "清洗",
    "摆放到",
    "摆放至",
    "摆放",
    "摆正",
    "摆好",
    "码放",
    "扶正",
    "扶好",
    "收集",
    "规范",
    "归拢",
    "归堆",
    "停用",
    "牵绳",
    "拴绳",
    "整了",
    "摆到",
    "除冰",
    "撒盐",
    "铲冰",
    "扫雪",
    "除雪",
    "清雪",
    "补装",
    "补齐",
    "安装",
    "加固",
    "修补",
    # 乱挂横幅2条，摘了1条; 塑料袋够得着的都摘了: taken down.
    "摘",
    "撕",
    "扫",
    "擦",
    "铲",
    "清了",
    "清掉",
    "清好",
    "清干净",
    "摆了",
    "扶了",
    "收拾",
    "覆盖",
    "粉刷",
    "重新张贴",
    "重新贴",
    "贴好",
    "贴上",
    "挪至",
    "挪到",
    "推至",
    "推到",
    "抬到",
    "挪",
    "移至",
    "移到",
    "改正",
    "纠正",
    "整改",
    "恢复",
    "归位",
    "拆",
    "制止",
    # 随地吐痰有两个 叫停了, 提醒了他: someone stopped on the spot.
    "叫停",
    "提醒了他",
    "提醒了她",
    # 有一个人闯红灯 劝住了: stopped on the spot.
    "劝住",
    "打掉",
    "倒掉",
    # 清倒积水容器8个, 烟头劝灭了: emptied out, put out.
    "清倒",
    "倒空",
    "劝灭",
    "掐灭",
    "灭了",
    # 1名游客攀爬栏杆，已劝下; 烟头两袋 小广告5张 都弄了.
    "劝下",
    # Garbage sorting put right on the spot (当场分拣, 帮忙破袋).
    "分拣",
    "分好",
    "破袋",
    "劝止",
    # Ice made safe: 冰面撒了融雪剂, 撒了炉灰.
    "撒了融雪剂",
    "撒融雪剂",
    "撒了防滑沙",
    "撒防滑沙",
    "撒了沙子",
    "撒了融雪盐",
    "撒了工业盐",
    # 台阶结冰8处，撒沙子: the ice made safe, said without 了 (已撒沙防滑 too).
    "撒沙子",
    "撒沙防滑",
    "撒了沙",
    "撒了些沙子",
    "撒炉灰",
    # 已撒炉渣防滑, 铺了防滑垫: cinders and mats laid on the ice.
    "撒炉渣",
    "撒了炉渣",
    "撒煤渣",
    "撒了煤渣",
    "撒了炉灰",
    "铺设防滑垫",
    "铺了防滑垫",
    "铺防滑垫",
    "撒融雪盐",
    "撒工业盐",
    # 挨个劝说走了8辆: talked into leaving.
    "劝说走",
    "劝说离开",
    # 小广告都给抠下来了: scraped off.
    "抠下来",
    "抠掉",
    # 垃圾俺们装了6袋: bagged up and taken.
    "装了",
    "撒了炉灰",
    "撒了盐",
    # 雨水篦子堵塞（已清掏）: dug out.
    "清掏",
    # Work orders: 已闭环 is closed (done); 未闭环 stays open through its 未.
    "闭环",
    # A box door shut and locked on the spot.
    "关闭加锁",
    "关好",
    "锁好",
    "加锁",
    "都弄了",
    # Northern words for tidying up (都给归置好了, 垃圾拾掇了三袋, 整利索了).
    "归置",
    "拾掇",
    "整利索",
    "弄利索",
    "已走",
    "喊走",
    "叫走",
    "搞好",
    "搞定",
    "已改",
    "已开启",
    "当场开启",
    "打下来",
    "敲下来",
    "刨了",
    "已刨",
    "清出来",
    "扫出来",
    "拎去",
    "拎走",
    "提走",
    "叫了回来",
    "叫回来",
    "叫回",
    "推车走",
    "骑走",
    "开走",
    "喊住",
    "叫住",
    "拦住",
    "拦下",
    "叫下来",
    "劝下来",
    "拿进去",
    "收进去",
    "搬进去",
    # 全部摆进停车线内, 收进店里: moved in, wherever to.
    "摆进",
    "收进",
    "放进",
    "挪进",
    "搬进",
    "拿进",
    "疏导",
    # 拖移僵尸车2辆: towed away.
    "拖移",
    "搬",
    "修",
    "解决",
    "处置",
    "落实",
    "完成",
)
# Handing over: what follows is the other office's to do (已报物业拆除, 移交城管取缔).
HANDED_OVER_WORDS = (
    "上报",
    "报告",
    "报给",
    "报送",
    "已报",
    "报城管",
    "反映",
    "移交",
    "转交",
    "交给",
    "交社区",
    "交物业",
    "交环卫",
    "交城管",
    "交街道",
    "交市政",
    "交交警",
    "交居委",
    "报修",
    "报社区",
    "报物业",
    "报街道",
    "报市政",
    "报交警",
    "报环卫",
    "报上去",
    "报上",
    "抄告",
    "抄送",
    "交由",
    "转给",
    # 已交市场服务中心处理, 交执法中队, 交供电: handed to whoever runs it.
    "交市场",
    "交执法",
    "交供电",
    "交码头",
    "交派出所",
    "交村委",
    "交有关",
    "交相关",
)
CALLED_IN = tuple(
    call + who
    for call in ("叫", "喊", "提醒", "提醒了")
    for who in ("物业", "社区", "环卫", "保洁", "城管", "房东")
)
_REQUEST_WORDS = (
    "通知",
    "联系",
    "告知",
    "要求",
    "督促",
    "责令",
    "建议",
    "转达",
    "协调",
    "对接",
    "反馈",
    "拍照",
    "报备",
    "报了",
    "说了",
    "沟通",
    "走程序",
    "告诉",
    "跟社区",
    "和社区",
    "给社区",
    "跟物业",
    "和物业",
    "给物业",
    "跟城管",
    "给城管",
    "请",
    "让",
    *HANDED_OVER_WORDS,
    # 已叫物业疏通: asked, not done; 叫环卫来清了: asked, and they did it.
    *CALLED_IN,
)
_PENDING_WORDS = (
    "待",
    "尚未",
    "未",
    "没有",
    "还没",
    "没",
    "暂未",
    "仍",
    "正在",
    "需要",
    "需",
    "等待",
    # 已联系社区，等统一清走: waiting for it.
    "等统一",
    "等人来",
    "等车来",
    "等厂家",
    "等社区",
    "等物业",
    "等城管",
    "等环卫",
    "等市政",
    "等新",
    "明日",
    "明早",
    # 讲中午前清走, 过几日就拉走: a time still to come before the verb.
    "中午前",
    "下班前",
    "天黑前",
    # 老板说周四前叫收废品的拉走, 月底前清走: a deadline still to come.
    "月底前",
    "年底前",
    "周末前",
    *(
        f"{week}{day}前"
        for week in ("周", "礼拜", "星期")
        for day in ("一", "二", "三", "四", "五", "六", "日", "天")
        if f"{week}{day}" != "周天"
    ),
    "过几日",
    "过几天",
    "过两天",
    "过两日",
    "改天",
    "日前",
    "❌",
    "✖",
    "❎",
    "等下次",
    "等着",
    "答应",
    "下午",
    "明天",
    "稍后",
    "回头",
    "限期",
    "尽快",
    "承诺",
    "保证",
    "本周内",
    "近期",
    "这两天",
    "过两天",
    "这几天",
    "过几天",
    # 摊主称马上收摊: said to be about to, not done.
    *(
        f"{said}{when}"
        for said in ("称", "说", "讲", "表示")
        for when in (
            "马上",
            "会",
            "稍后",
            "一会",
            "等会",
            "明天",
            "下午",
            "晚点",
            "尽快",
            "今晚",
            "下周",
            "下礼拜",
            "礼拜天",
            "周末",
            "过几天",
            "过两天",
            "改天",
        )
    ),
    "计划",
    "准备",
    # 由物业7日后统一清理: days from now.
    "日后",
    "天后",
    "不",
)
DONE_BEFORE = (
    "进行了",
    "给",
    "已经",
    "已",
    "当场",
    "现场",
    "均已",
    "都已",
    "全部",
    "均",
    "都",
    "随手",
    "顺手",
    "及时",
    "立即",
    "马上",
    "随即",
    "后",
    "并",
)
DONE_AFTER = re.compile(r"(?:了|完毕|干净|整齐|到位|完成|好|掉|完|结束|到|至|起)")
# A handling verb with a result complement says it is done, whatever the verb (推回, 码好,
# 归拢, 劝收, 牵上): the complement carries the meaning, so the list need not name every pair.
# 刨, 敲, 凿: what is done to ice (冰包当场刨平, 冰溜子敲掉).
HANDLING = "推挪搬拉拖清扫捡撕铲拆摆码扶收归劝拾拔擦刷贴牵拴盖补修换装移运拢填放弄抬掐拎冲刮顺挂刨敲凿掏理排整"
_RESULTS = (
    # Wu speech: 脱 is 掉 after a verb (撕脱了, 铲脱8张, 摆脱17部).
    "脱",
    "回",
    # Cantonese: 返 is 回 after a verb (推返路边, 收返入去, 摆返好).
    "返",
    "走",
    "开",
    "掉",
    "好",
    "齐",
    "完",
    "净",
    "干净",
    "整齐",
    "起来",
    "上",
    "出去",
    "出",
    "平",
    "拢",
    "收",
    "进去",
    "回去",
    "起",
    "正",
    "灭",
    # 劝进场, 搬进场内: stalls moved into the market.
    "进场",
    "进场内",
    "归一",
    # 摆利索了, 收拾利索: done properly, in northern speech.
    "利索",
)
_RESULT_VERBS = (
    *_RESULT_VERBS,
    *(verb + result for verb in HANDLING for result in _RESULTS if verb + result not in _FIX_VERBS),
)
# Verbs that take only some results: 捞掉 but not 捞上工具; 拿走 but not 拿起扫帚, 拿出手机;
# 赶走 but not 赶上下雨, 赶到现场; 关好, 关进笼子 but not 店关了 (closed for the day).
_SOME_RESULTS = {
    "捞": ("掉", "走", "起", "起来", "出", "出来", "上来", "干净", "完"),
    "剪": ("掉", "断", "除", "下", "下来"),
    "扯": ("掉", "下", "下来", "除"),
    "解": ("掉", "开", "下", "下来"),
    "拿": ("走", "掉", "开", "回", "回去", "回来", "进去", "下", "下来"),
    "关": ("掉", "上", "进", "进去", "起", "起来", "回", "回去"),
    "圈": ("起", "起来", "好", "上", "回", "回去"),
    "赶": ("开", "回去", "回来", "进去", "出去"),
    "喊": ("回", "回来", "回去", "上来", "开", "收", "进去"),
    "叫": ("走", "开", "回去", "收", "上来", "下来"),
    # 救生圈绳子断了，我们先系上了: tied back.
    "系": ("上", "好", "牢", "紧"),
    "取": ("掉",),
    # 烟头纸屑搞干净哒, 电平车摆归一了: 搞 only with a result that says it is done (归一 is
    # south-western for done properly).
    "搞": ("干净", "清爽", "整齐", "归一", "掉", "走", "利索"),
}
_RESULT_VERBS = (
    *_RESULT_VERBS,
    *(
        verb + result
        for verb, results in _SOME_RESULTS.items()
        for result in results
        if verb + result not in _RESULT_VERBS and verb + result not in _FIX_VERBS
    ),
    # 扯下来, 拔除, 喊回来: taken down, pulled out, called back.
    *(
        verb + result
        for verb in "推拉拖搬扶收劝拽撕拆摘取"
        for result in ("回来", "下来")
        if verb + result not in _RESULT_VERBS and verb + result not in _FIX_VERBS
    ),
    *(w for w in ("拔除", "刮除", "刷除", "掏除", "凿除") if w not in _RESULT_VERBS),
    # 随地吐痰，有劝他了: the person told, on the spot.
    "劝他了",
    "劝她了",
    "劝他们了",
    "已劝他",
    "已劝她",
    "已劝他们",
    # 有人在大堂抽烟，劝了一个人灭掉了: the cigarette put out.
    "灭掉",
    # 禁钓区钓鱼，讲了好久才收竿走了: the rods packed up.
    "收竿",
    "收了竿",
    # 水面漂浮物约3处，已打捞2处: fished out of the water.
    "打捞",
    "捞出",
    # 冰面撒了融雪剂: spread, so done, in the same clause as the ice.
    "撒了融雪剂",
    "撒了防滑沙",
    "撒了沙子",
    "撒了融雪盐",
    "撒了工业盐",
    "撒了炉灰",
    "撒了盐",
    # 着火的树叶已扑灭, 音响已调小, 泔水桶已加盖, 下水道疏通完毕, 三轮车引导进市场.
    "扑灭",
    "调小",
    "调低",
    "关小",
    "盖好",
    "引导进",
    "引导至",
    "引导到",
    "关进",
)
# 捞了两袋, 剪了三根: these verbs with 了 tell it was done too (not 扯了电线, 拿了东西).
# 疏通, 加盖 tell it only when marked done (已叫物业疏通 is asked, 疏通完毕 is done).
_FIX_VERBS = (*_FIX_VERBS, "捞了", "剪了", "疏通", "加盖")
# 已摆, 已撕, 已挪: 已 with a bare verb that is a fix by itself, typed short (not 已推送, 已收到,
# 已移交, 已补报, 已归档, whose first character is also a handling verb).
_RESULT_VERBS = (
    *_RESULT_VERBS,
    *(
        "已" + verb
        for verb in "摆挪撕铲扫捡清拆搬扶拖拾擦刷冲刮收"
        if "已" + verb not in _RESULT_VERBS
    ),
)
# 劝到市场里, 推到楼道里: where a thing was put, a fix when marked done (都劝到…去了) and the
# problem when others did it (有家把电动车推到楼道里).
_FIX_VERBS = (
    *_FIX_VERBS,
    *(verb + "到" for verb in HANDLING if verb + "到" not in _FIX_VERBS and verb != "收"),
)
# 收了四处, 挪了三辆: the verb with 了 tells it was done, unless someone was only told to (通知
# 社区换了); 贴了 may be the problem itself.
_FIX_VERBS = (
    *_FIX_VERBS,
    *(
        verb + "了"
        for verb in HANDLING
        if verb not in "贴装放弄" and verb + "了" not in _RESULT_VERBS
    ),
)
# Words that hold a status word without being one (装修垃圾 is not 修; 收到 is a reply).
_NOT_STATUS = (
    "清单|清晨|清楚|清明|清洁工|收到|收费|收银|扫码|推荐|推广|移动|运动|放心|放假|拉面|换季|铲车|"
    # 垃圾收集点满溢: where rubbish is collected, not rubbish collected.
    "收集点|收集站|收集桶|收集箱|收集亭|收集房|收集池|"
    # 下发整改通知书2份: a paper handed out, not a fix nor a request.
    "整改通知|通知书|通知单|"
    # 疏散通道堆放杂物: the fire exit route, not people dispersed.
    "疏散通道|疏散指示|疏散出口|疏散楼梯|疏散标志|疏散门|"
    # 门口排出来的污水冻了一片: where the water came from, not a thing cleared.
    "排出来的|排出的|"
    # 夜市摊点收摊后遗留泡沫箱: when it was left, not stalls cleared.
    "收摊后|收摊以后|收市后|"
    "不牵绳|不拴绳|没牵绳|没拴绳|未牵绳|未拴绳|"
    # 撒了盐了没事了: all is well now, nothing left to do; 没新增: nothing new.
    "没事|没啥事|没新增|没有新|没有新增|未新增"
)
STATUS_TOKEN = re.compile(
    # (遛狗不牵绳 is the problem: 不 and 牵绳 there tell no outcome.)
    rf"(?<!装)(?!{_NOT_STATUS}|(?<=[不没未])(?:牵|拴))"
    + word_pattern({*_RESULT_VERBS, *_FIX_VERBS, *_REQUEST_WORDS, *_PENDING_WORDS})
)
TOKEN_ROLE: dict[str, str] = {
    **{w: "pending" for w in _PENDING_WORDS},
    **{w: "request" for w in _REQUEST_WORDS},
    **{w: "fix" for w in _FIX_VERBS},
    **{w: "result" for w in _RESULT_VERBS},
}
# Words that may come before a verb that opens a fragment (大家一起清扫了…, 共规整…).
ACTION_LEAD_WORD = re.compile(
    r"我们|大家|值班人员|志愿者|一起|共同|一同|合力|共计|共|合计|并|还|又|另外|另|同时|随后|然后|帮助|帮|协助|"
    r"集中|主动|对|把|将|和|与|环卫工人|社区|物业|保洁员?|[\d一二三四五六七八九十]++名?人|"
    r"赶紧|赶快|上前|立即|立刻|马上|及时|当即"
)

ALL_FIXED = re.compile(
    r"(?:均|都|全部|全都|已全部|全部已|一律)(?:已经?)?(?:当场|现场)?(?:整改|处理|清理|解决|处置|完成|落实|"
    r"整改到位|整改完毕|清除|规整)|当场(?:整改|清理|处理)完毕|已整改完毕|整改完毕|已全部整改|"
    # 全清了, 都弄好了: said alone after a list, all of it done.
    # (Not 都弄完了，除了第2条: all but one.)
    r"(?<![\u4e00-\u9fff])(?:全|都|全都)(?:清|弄|搞|整|收拾)(?:好|完|干净|掉)?了(?![，,\s]*+除)|"
    # 以上均已当场责令整改到位: ordered and done.
    r"(?:均|都|全部)(?:已经?)?(?:当场|现场)?(?:责令|督促)(?:其|商户|店主)?(?:整改到位|整改完毕|清理完毕)"
)
# (其它就是电动车摆了十几辆: "apart from that", a new item.)
REST = re.compile(r"(?:其余|其他|其它|剩余|剩下|余下)(?!正常|均?无|的?(?:就是|就|还有|方面|的话))")
REMAINDER = re.compile(
    rf"(?:还有|另有|另外还有|另外|另|剩余|剩下|余下|其余)\s*+(?P<n>{_NUM})\s*+[{MEASURE_WORDS}]"
)
# Why an item matters or what it led to (存在安全隐患, 雨后积水, 怕扎到人): not a new item.
CONSEQUENCE = re.compile(
    r"(?:存在|造成|形成|有)?[^，]{0,4}(?:安全)?隐患$|影响(?:通行|出行|市容|美观|环境|居民|行人)|"
    # 安全隐患大, 隐患较大: how much it matters.
    r"^(?:安全)?隐患(?:大|较大|很大|突出)$|"
    r"^(?:有|存在)[^，]{0,4}风险$|"
    # 大风天有掉落隐患, 有安全隐患 怕砸着人: when or how it could harm, and who.
    r"^[^，]{0,4}(?:有|存在)[^，]{0,4}(?:隐患|风险)(?:[ \t]++(?:怕|担心|容易|易)[^，]{0,8})?$|"
    # 这个是很大的安全隐患: what the thing before means.
    r"^(?:这|这个|那|那个|此|这些)(?:是|属于|存在|有)[^，]{0,6}(?:隐患|风险)$|"
    r"^(?:易|容易|怕|生怕|担心|以免|避免|导致|造成|雨后|下雨后?|一下雨|下雨天|雨天|阴雨天)|"
    r"^[^，]{0,6}?(?:担心|害怕|反映说|投诉)|"
    r"^[^，]{0,4}(?:流到|流了一|漫到|溢到|淌到|冒到|流得)|"  # 下水道堵了，污水流到路上
    # 放烟花，不文明也危险: why it matters, said of the item before.
    r"^(?:很|太|既|也|又)?(?:不文明|危险|不安全)(?:也|又|还)?(?:很|太)?(?:危险|不安全|难看)?$|"
    # 堆煤块1堆，起扬尘; 刮风煤尘大; 差点把垃圾点着: what the thing before does, or nearly did.
    r"^(?:刮风)?(?:起|扬|冒)?(?:扬尘|煤尘|灰尘|粉尘)(?:大|很大|严重)?$|^差点|"
    # 一家民宿门口堆放建筑材料，占用人行道; 电动车乱停放二十余辆，堵塞消防通道: where the thing
    # before stands in the way, with no count or thing of its own.
    r"^(?:占用|占了|占据|堵塞|堵住|堵了|挡住|挡了|阻挡|阻碍|妨碍)了?(?:半[个边幅]|部分|一半)?"
    r"(?:人行道|盲道|消防通道|通道|过道|车道|道路|路面|行人通行|通行)(?:通行)?$"
)
# 以上问题除第3项外均已整改, 除垃圾桶外已整改: all but what is named.
EXCEPT = re.compile(r"除了?(?P<what>[^，,。；]{1,16}?)(?:以外|之外|外|(?=都|均|全部|其余|其他))")
# 共计发现问题4类21处: how many kinds first, then how many problems.
_KINDS = rf"(?:{_NUM}(?:类|种|大类))?"
SUMMARY_FOUND = re.compile(
    rf"(?:发现|排查|存在|查找)(?:各类|各种)?问题(?:共|共计|合计|总计)?{_KINDS}(?P<n>{_NUM})(?:处|个|项|起|条)|"
    # 检查发现火灾隐患7处（…）: an inspection's total (not 充电存在安全隐患2处, the item itself).
    rf"(?:检查发现|排查发现|发现|查出)(?:各类|各种)?(?:火灾|消防|安全)?隐患(?:共|共计)?(?P<n3>{_NUM})(?:余|多)?(?:处|个|项|起|条)|"
    rf"(?:合计|共计|总共|一共|共)(?:发现|排查|查找)(?:各类|各种)?{_KINDS}(?P<n2>{_NUM})(?:处|个|项|起|条)|"
    # 今日发现9处，整改7处: the day's tally without 问题.
    rf"(?:今日|今天|本日|当日|本次)(?:共|共计)?发现(?P<n4>{_NUM})(?:处|个|项|起|条)(?![\u4e00-\u9fff])"
)
# 其中市容秩序类6处：…；环境卫生类1处：…: a kind's subtotal heading the items of that kind.
KIND_SUBTOTAL = re.compile(
    rf"[\W_]*+(?:其中)?[\u4e00-\u9fff]{{2,6}}?类(?:问题)?(?:共|共计)?{_NUM}(?:处|个|项|起|条)[：:]?$"
)
SUMMARY_FIXED = re.compile(
    rf"^(?:本次|此次|今天|今日)?(?:现已|均已|共|已|当场|现场|已当场)?(?:整改|处理|解决|处置)(?:完成|完毕|到位)?(?:问题)?(?P<n>{_NUM})(?:处|个|项|起|条)"
)
# 发现问题6个，当场整改4个，移交2个：the rest of the totals, not an outcome of the item before.
HANDED_TOTAL = re.compile(
    rf"(?:已|另)?(?:移交|上报|转交|交办|待整改|未整改|遗留)(?:问题)?\s*+(?:\d{{1,4}}|[{CN}]{{1,4}})"
    r"\s*+[个处项起件条宗]\s*+[:：。]?"
)
# Words before the problem itself (发现, 另有, 一是); 有 only before a number or a thing, so that
# 有害垃圾 keeps its 有.
ITEM_FLUFF = re.compile(
    r"^(?:巡查(?:中|时)?还?(?:发现|看到)|检查(?:中|时)?发现|仅发现|另外发现|另发现|还发现|又发现|"
    r"发现|看到|另外有|另有|还有就是|还有|就是|然后|其中|另外|同时|并且|主要问题是|主要是|存在|"
    r"[一二三四五六七八九十]是|有个人(?=[\u4e00-\u9fff])|有个|有(?=[\d一二两三四五六七八九十几若许多]))++"
)

# 入户 is a home visit, but 电动车入户充电 is a fire hazard found in a home.
# (走了45户, 走访了32户: the homes walked to.)
VISIT_HOME = (
    r"入户(?!充电|停放|存放|违规|私拉|堆放)"
    r"|(?<![清拉搬挪运赶劝收撤])走了?(?=\d{1,3}户|[一二两三四五六七八九十]{1,3}户)"
)

# Activities: (kind, trigger, measure words that count it).
ACTIVITY_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("志愿服务", re.compile(r"志愿"), "人次|人"),
    # 劝阻1人 after 随地吐痰 is a 文明行为 problem stopped; 劝导12人次 is work done.
    ("劝导", re.compile(r"劝导|劝阻|劝离|纠正|制止|提醒|引导|教育"), "人次"),
    ("问卷调查", re.compile(r"问卷"), "份|张"),
    (
        "发放宣传资料",
        re.compile(
            r"(?:发放|分发|派发|散发|发出|赠送|递送|发|派)[^，。；]{0,30}?"
            r"(?:资料|彩页|传单|宣传单|单子|单页|折页|手册|宣传册|册子|公约|倡议书|明白纸|宣传品|宣传页|读本|告知书|一封信|"
            r"提示单|提示卡|告家长书|通知单)"
        ),
        "份|张|册|本|页",
    ),
    ("入户宣传", re.compile(rf"{VISIT_HOME}|走访|上门|居民|住户"), "户"),
)
# Putting up posters is work done for 宣传氛围, not a problem found (张贴小广告 is one).
PUBLICITY_WORK = re.compile(
    r"(?![^，]{0,6}?(?:违规|违章|私自|乱|擅自))[^，]{0,6}?(?:张贴|悬挂|布置|新增|制作|安装|设置|更新)"
    # (张贴元旦春节“讲文明树新风”宣传海报20张, 张贴元旦安全提示: the slogan may come between.)
    r"[^，]{0,16}?(?:公益广告|标语|海报|展板|宣传画|横幅|宣传栏|(?<!不)提示(?!牌))"
    r"(?![^，]*(?:破损|褪色|过期|缺失|脱落))"
)
# 劝导了二十几个人戴头盔, 引导30名市民文明出行: people urged to do the right thing, work done.
URGED_TO_DO_RIGHT = re.compile(
    rf"^[\W_]*+(?:我们|大家|还|又|另外|并)?(?:劝导|引导|提醒|宣传|教育)(?:了|咗)?"
    rf"(?P<n>\d{{1,6}}|[{CN}百几]{{1,8}})(?:余|多|来)?(?:个|名|位)?(?:人|市民|行人|骑手|居民|群众)"
    r"[^，。；]{0,4}?(?:戴|佩戴|文明|规范|有序|遵守|排队|走斑马线|垃圾分类|不要|别)"
)
PERSON_TIMES = re.compile(rf"(?<![\d{CN}百])(?P<n>\d{{1,6}}|[{CN}百几]{{1,8}})(?:余|多|来)?人次")
ACTIVITY_MENTION = re.compile(
    rf"{VISIT_HOME}|走访|问卷|宣传资料|发放|志愿|人次|宣传(?!栏|牌|展板|画|标语|横幅|海报|品)"
)
# 给老人们讲了垃圾分类: teaching about something is work done, not the thing as a problem.
TEACHING = re.compile(
    r"(?:讲|讲解|宣讲|普及|科普)[^，。；]{0,6}?(?:垃圾分类|知识|政策|常识)|垃圾分类宣传|宣传了?垃圾分类"
)
ACTIVITY_COUNT = re.compile(
    rf"(?<![\d.:：第{CN}百])(?P<n>\d{{1,6}}|[{CN}百]{{1,8}})\s?(?:余|多|来|几)?\s?(?P<unit>人次|份|户|张|册|本|页|人)"
)
