"""The read-only dashboard (看板), free of NoneBot: personal signed links (``access``), the
charts as SVG (``charts``) and the pages as HTML (``pages``). The plugin
``plugins/dashboard`` reads the database and serves them."""
