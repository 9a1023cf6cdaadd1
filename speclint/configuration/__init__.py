"""Configuration: finding, loading and validating `.speclint.yaml` (`config`, `validation`), the starter written by `speclint init` (`starter`), and declarative YAML rules (`yaml_rules`)."""
