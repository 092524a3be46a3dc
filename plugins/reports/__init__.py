from nonebot import require
from nonebot.plugin import PluginMetadata

require("nonebot_plugin_orm")
require("plugins.duty")

from . import model, service  # noqa: E402, F401

__plugin_meta__ = PluginMetadata(
    name="值班日报",
    description="读懂群里的值班日报，记录到岗、问题和工作成效",
    usage="",
    type="application",
    extra={"commands": {}, "order": 2},
)
