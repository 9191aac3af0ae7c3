"""Image pipeline: decode, validate, convert to PNG, fit into upload limits, grid previews."""
