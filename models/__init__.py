"""The spaCy pipelines bundled with demandx (models/de, models/nl): see models/README.md."""
