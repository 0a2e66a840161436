"""review queue index: (status, priority, record_id) so the clerks' queue and "next record" are
read from an index in queue order instead of sorting the register (xinfang serve, 10,000 records)

Revision ID: 0002
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_records_queue", "records", ["status", "priority", "record_id"])


def downgrade():
    op.drop_index("ix_records_queue", table_name="records")
