from .bundle_reader import register

# What this plugin hands to others and reads of theirs (plugins/plugin_order.py)
# `bundles`: stories, pages and services read from `index.<lang>.md`, with their
# front-matter values, `section`, `lang`, `bundle`, `bundle_dir`, `source_file`,
# `front_matter_lines`, `front_matter_data`; the files of unpublished bundles withheld.
PROVIDES = {"bundles"}

__all__ = ["PROVIDES", "register"]
