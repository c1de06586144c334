"""The signal sitetool's build sends besides Pelican's (a library, no handlers of its
own): a plugin connects to it as to Pelican's, `sitetool_signals.pages_written.connect(f)`
in its `register()`. A build by Pelican alone never sends it."""

import blinker

# Sent (sender: the Pelican object) once every page is written, before the generators of
# `WHOLE_SITE_OUTPUT_PLUGINS` run and before `finalized` (sitetool/pipeline.py). A
# receiver may start work on the pages in another process and return it (anything with
# `wait()`): the build waits for it before it ends, failed or not.
pages_written = blinker.signal("sitetool.pages_written")
