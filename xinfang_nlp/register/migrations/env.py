from alembic import context

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    if connection.dialect.name == "sqlite":
        # take SQLite's write lock before alembic reads the schema version: two processes opening
        # a new register at once would otherwise both see no version and both create the tables
        # ("table alembic_version already exists"); the second now waits, then sees head
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    context.configure(connection=connection, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
