"""The render-ready view model of one case: figures and panels in order, legends, listing."""
