"""Building a site: staging the input, navigation, the DIP page, and the builder backend."""
