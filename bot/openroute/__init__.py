"""OpenRoute (OpenRouter-compatible) image API client."""
