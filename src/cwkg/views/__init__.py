"""Pictures of the graph as self-contained HTML: a document with its mentions and positions,
the network of actors, the positions on a topic over time, and a small site of all three.
Everything is read from the store; nothing is extracted again."""
