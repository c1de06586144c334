"""Templates compiled once, not once per generator and per build.

Pelican gives each generator its own Jinja environment (eleven in our build), and each
compiled the same templates again: about a hundred compilations per build. Signal:
`generator_init` — every environment gets the one bytecode cache of the settings'
`CACHE_PATH`, which keeps compiled templates
- in memory for the life of the process: the second environment does not compile what
  the first did, and the preview server (one process, many rebuilds) compiles a template
  only when it changes;
- in `CACHE_PATH/jinja/` (Jinja's `FileSystemBytecodeCache`): a later build compiles
  nothing.
Within one environment (one build) a loaded template is not checked on disk again
(`auto_reload` off): Jinja would otherwise read its file's time at every include and import.

Jinja finds compiled code by the template's name and file and uses it only if the
checksum of the template's source is the same, so an edited template is compiled again.
The key also holds what else decides the compiled code — the Jinja and Python versions,
the environment's syntax options, extensions and autoescaping — so a change of
`JINJA_ENVIRONMENT` or of a library does not reuse code compiled before it.
"""

import os
from functools import cache
from hashlib import sha1

import jinja2
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache
from pelican import signals


def compile_options(environment: jinja2.Environment, name: str) -> str:
    """Everything besides a template's source that its compiled code depends on."""
    autoescape = environment.autoescape
    finalize = environment.finalize
    return repr((
        jinja2.__version__,
        environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
        environment.keep_trailing_newline, environment.optimized, environment.is_async,
        sorted(environment.extensions),
        autoescape(name) if callable(autoescape) else autoescape,
        getattr(finalize, "__qualname__", finalize),
    ))


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates in memory, backed by a folder of Jinja's bytecode files."""

    def __init__(self, directory: str):
        self.in_memory: dict[str, bytes] = {}
        self.on_disk = FileSystemBytecodeCache(directory)

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = sha1(f"{name}|{filename}|{compile_options(environment, name)}".encode())
        bucket = Bucket(environment, key.hexdigest(), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self.in_memory.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # left empty if the source changed
        if bucket.code is None:
            self.on_disk.load_bytecode(bucket)
            if bucket.code is not None:
                self.in_memory[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.in_memory[bucket.key] = bucket.bytecode_to_string()
        self.on_disk.dump_bytecode(bucket)


@cache
def shared_cache(directory: str) -> SharedBytecodeCache:
    return SharedBytecodeCache(directory)


def use_shared_cache(generator):
    directory = os.path.join(os.path.abspath(generator.settings["CACHE_PATH"]), "jinja")
    os.makedirs(directory, exist_ok=True)
    generator.env.bytecode_cache = shared_cache(directory)
    # An environment lasts one build (the preview makes new generators for each), so a
    # template loaded once need not be checked on disk again at every include and import.
    generator.env.auto_reload = False


def register():
    signals.generator_init.connect(use_shared_cache)
