"""A bare nonebot2 bot: the FastAPI driver, the OneBot v11 adapter and the echo command, and
nothing of dutybot. The footprint's floor. ``python -m bench.bare_bot``; host, port and access
token come from the environment, as :class:`dutybot.simulator.BotProcess` sets them."""

from __future__ import annotations


def main() -> None:
    import nonebot
    from nonebot.adapters.onebot.v11 import Adapter

    nonebot.init(_env_file=None, command_start=["/"])
    nonebot.get_driver().register_adapter(Adapter)
    nonebot.load_plugin("bench.echo_plugin")
    nonebot.run()


if __name__ == "__main__":
    main()
