"""initial register: records, record_keys, audit

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "records",
        sa.Column("record_id", sa.String(64), primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("received_at", sa.String(10)),
        sa.Column("decision", sa.String(16)),
        sa.Column("type", sa.String(16)),
        sa.Column("grounds", sa.Text),
        sa.Column("flags", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("priority", sa.Integer),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.UniqueConstraint("path", "sha256", name="uq_records_path_sha"),
    )
    for col in ("sha256", "status", "received_at", "priority", "updated_at"):
        op.create_index(f"ix_records_{col}", "records", [col])
    op.create_table(
        "record_keys",
        sa.Column("record_id", sa.String(64), sa.ForeignKey("records.record_id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(128), nullable=False),
    )
    op.create_index("ix_record_keys_record_id", "record_keys", ["record_id"])
    op.create_index("ix_record_keys_kind_value", "record_keys", ["kind", "value"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(64), sa.ForeignKey("records.record_id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("clerk", sa.String(64), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("field", sa.String(64)),
        sa.Column("suggested", sa.Text),
        sa.Column("final", sa.Text),
    )
    op.create_index("ix_audit_record_id", "audit", ["record_id"])


def downgrade():
    op.drop_table("audit")
    op.drop_table("record_keys")
    op.drop_table("records")
