"""Baseline: the whole schema (accounts to offers, sync outbox, local caches)

Revision ID: 0003
Revises:
Create Date: 2026-12-03 08:45:00

Replaces 0001 (baseline) and 0002 (dated VAT) before the first sync: UUID keys
are 16-byte BLOBs, the change log's ids use AUTOINCREMENT (never reused), the
sync state holds the enrolment and an opaque pull cursor, offers carry the
office's approval. Stores made at 0001 or 0002 are not migrated by Alembic but
converted on open (kamdesk/store/convert.py). From here on every schema change
is a new revision.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('app_settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_settings'))
    )
    op.create_table('card_drafts',
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('row_key', sa.LargeBinary(length=16), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'row_key', 'field', name=op.f('pk_card_drafts'))
    )
    with op.batch_alter_table('card_drafts', schema=None) as batch_op:
        batch_op.create_index('ix_card_drafts_account', ['account_id'], unique=False)

    op.create_table('change_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('change_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('operation', sa.Enum('insert', 'update', 'delete', 'restore', name='changeoperation', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('base', sa.JSON(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'acknowledged', 'rejected', name='changestatus', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log')),
    sa.UniqueConstraint('change_id', name=op.f('uq_change_log_change_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index('ix_change_log_status_id', ['status', 'id'], unique=False)

    op.create_table('price_lists',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=500), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_lists'))
    )
    op.create_table('products',
    sa.Column('sku', sa.String(length=50), nullable=False),
    sa.Column('code_1c', sa.String(length=50), nullable=False),
    sa.Column('inn_name', sa.String(length=300), nullable=False),
    sa.Column('trade_name', sa.String(length=300), nullable=False),
    sa.Column('dosage_form', sa.String(length=200), nullable=False),
    sa.Column('dosage', sa.String(length=100), nullable=False),
    sa.Column('pack', sa.String(length=200), nullable=False),
    sa.Column('registration_number', sa.String(length=100), nullable=False),
    sa.Column('product_group', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('medicine', 'medical_device', 'other', name='productkind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('vat_kind', sa.Enum('standard', 'reduced', 'zero', 'exempt', name='vatkind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('sku', name=op.f('uq_products_sku'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_products_trade_name'), ['trade_name'], unique=False)

    op.create_table('sync_issues',
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('kind', sa.String(length=50), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=False),
    sa.Column('local_value', sa.JSON(), nullable=False),
    sa.Column('remote_value', sa.JSON(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('change_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_issues'))
    )
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('user_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('server_url', sa.String(length=500), nullable=False),
    sa.Column('server_epoch', sa.String(length=100), nullable=False),
    sa.Column('pull_cursor', sa.Text(), nullable=False),
    sa.Column('last_acknowledged_change', sa.Integer(), nullable=False),
    sa.Column('last_sync_at', sa.DateTime(), nullable=True),
    sa.Column('laptop_code', sa.String(length=20), nullable=False),
    sa.Column('login', sa.String(length=100), nullable=False),
    sa.Column('user_name', sa.String(length=300), nullable=False),
    sa.Column('user_role', sa.String(length=20), nullable=False),
    sa.Column('device_name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )
    op.create_table('territories',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('region', sa.String(length=200), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_territories'))
    )
    op.create_table('text_bases',
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('server_version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('entity', 'entity_id', 'field', name=op.f('pk_text_bases'))
    )
    op.create_table('key_messages',
    sa.Column('product_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_key_messages_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_messages'))
    )
    with op.batch_alter_table('key_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_messages_product_id'), ['product_id'], unique=False)

    op.create_table('objection_answers',
    sa.Column('product_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('objection', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_objection_answers_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_objection_answers'))
    )
    with op.batch_alter_table('objection_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_objection_answers_product_id'), ['product_id'], unique=False)

    op.create_table('price_list_items',
    sa.Column('price_list_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('product_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['price_list_id'], ['price_lists.id'], name=op.f('fk_price_list_items_price_list_id_price_lists')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_price_list_items_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_price_list_items')),
    sa.UniqueConstraint('price_list_id', 'product_id', name=op.f('uq_price_list_items_price_list_id'))
    )
    with op.batch_alter_table('price_list_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_price_list_items_product_id'), ['product_id'], unique=False)

    op.create_table('product_comparisons',
    sa.Column('product_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('competitor_company', sa.String(length=300), nullable=False),
    sa.Column('competitor_product', sa.String(length=300), nullable=False),
    sa.Column('competitor_price', sa.BigInteger(), nullable=True),
    sa.Column('our_advantages', sa.Text(), nullable=False),
    sa.Column('their_advantages', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_comparisons_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_comparisons'))
    )
    with op.batch_alter_table('product_comparisons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_comparisons_product_id'), ['product_id'], unique=False)

    op.create_table('users',
    sa.Column('surname', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('patronymic', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('kam', 'manager', name='userrole', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('kam_kind', sa.Enum('hospital', 'pharmacy_chain', 'distributor', name='kamkind', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('territory_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('manager_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['manager_id'], ['users.id'], name=op.f('fk_users_manager_id_users')),
    sa.ForeignKeyConstraint(['territory_id'], ['territories.id'], name=op.f('fk_users_territory_id_territories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users'))
    )
    op.create_table('accounts',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('short_name', sa.String(length=150), nullable=False),
    sa.Column('kind', sa.Enum('hospital', 'pharmacy_chain', 'pharmacy', 'distributor', 'health_authority', 'other', name='accountkind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('parent_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('inn', sa.String(length=12), nullable=False),
    sa.Column('kpp', sa.String(length=9), nullable=False),
    sa.Column('region', sa.String(length=150), nullable=False),
    sa.Column('city', sa.String(length=150), nullable=False),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('client_type', sa.Enum('breadwinner', 'prospect', 'image_maker', 'expert', name='clienttype', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('status', sa.Enum('active', 'at_risk', 'lost', 'win_back', 'prospect', name='accountstatus', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('qual_need', sa.Boolean(), nullable=False),
    sa.Column('qual_need_note', sa.Text(), nullable=False),
    sa.Column('qual_pay', sa.Boolean(), nullable=False),
    sa.Column('qual_pay_note', sa.Text(), nullable=False),
    sa.Column('qual_authority', sa.Boolean(), nullable=False),
    sa.Column('qual_authority_note', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('territory_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('merged_into_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['merged_into_id'], ['accounts.id'], name=op.f('fk_accounts_merged_into_id_accounts')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_accounts_owner_id_users')),
    sa.ForeignKeyConstraint(['parent_id'], ['accounts.id'], name=op.f('fk_accounts_parent_id_accounts')),
    sa.ForeignKeyConstraint(['territory_id'], ['territories.id'], name=op.f('fk_accounts_territory_id_territories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts'))
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_city'), ['city'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_client_type'), ['client_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_kind'), ['kind'], unique=False)
        batch_op.create_index('ix_accounts_name', ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accounts_status'), ['status'], unique=False)

    op.create_table('account_competitors',
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('company', sa.String(length=300), nullable=False),
    sa.Column('products', sa.Text(), nullable=False),
    sa.Column('terms', sa.Text(), nullable=False),
    sa.Column('strength', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('observed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_account_competitors_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_competitors'))
    )
    with op.batch_alter_table('account_competitors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_competitors_account_id'), ['account_id'], unique=False)

    op.create_table('account_dossiers',
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('activity', sa.Text(), nullable=False),
    sa.Column('employees', sa.Integer(), nullable=True),
    sa.Column('beds', sa.Integer(), nullable=True),
    sa.Column('history', sa.Text(), nullable=False),
    sa.Column('structure', sa.Text(), nullable=False),
    sa.Column('environment', sa.Text(), nullable=False),
    sa.Column('financials', sa.Text(), nullable=False),
    sa.Column('annual_budget', sa.BigInteger(), nullable=True),
    sa.Column('needs', sa.Text(), nullable=False),
    sa.Column('plans', sa.Text(), nullable=False),
    sa.Column('worries', sa.Text(), nullable=False),
    sa.Column('general_notes', sa.Text(), nullable=False),
    sa.Column('relationship_stage', sa.String(length=200), nullable=False),
    sa.Column('relationship_outlook', sa.Text(), nullable=False),
    sa.Column('history_notes', sa.Text(), nullable=False),
    sa.Column('dmu_notes', sa.Text(), nullable=False),
    sa.Column('competitors_notes', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_account_dossiers_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_dossiers')),
    sa.UniqueConstraint('account_id', name=op.f('uq_account_dossiers_account_id'))
    )
    op.create_table('account_stats',
    sa.Column('row_no', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('city', sa.String(length=150), nullable=False),
    sa.Column('inn', sa.String(length=12), nullable=False),
    sa.Column('client_type', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('owner_name', sa.String(length=200), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('abc_class', sa.String(length=1), nullable=True),
    sa.Column('xyz_class', sa.String(length=1), nullable=True),
    sa.Column('sales_12m', sa.BigInteger(), nullable=False),
    sa.Column('sales_share', sa.Float(), nullable=True),
    sa.Column('variation', sa.Float(), nullable=True),
    sa.Column('last_purchase_on', sa.Date(), nullable=True),
    sa.Column('next_visit_at', sa.DateTime(), nullable=True),
    sa.Column('last_visit_at', sa.DateTime(), nullable=True),
    sa.Column('contacts_count', sa.Integer(), nullable=False),
    sa.Column('dossier_score', sa.Integer(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_account_stats_account_id_accounts')),
    sa.PrimaryKeyConstraint('row_no', name=op.f('pk_account_stats')),
    sa.UniqueConstraint('account_id', name=op.f('uq_account_stats_account_id'))
    )
    with op.batch_alter_table('account_stats', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_stats_dossier_score'), ['dossier_score'], unique=False)
        batch_op.create_index('ix_account_stats_list', ['name', 'search_text', 'archived', 'kind', 'client_type', 'status', 'abc_class', 'dossier_score'], unique=False)

    op.create_table('contacts',
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('surname', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('patronymic', sa.String(length=100), nullable=False),
    sa.Column('form_of_address', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=300), nullable=False),
    sa.Column('department', sa.String(length=300), nullable=False),
    sa.Column('phone_work', sa.String(length=20), nullable=False),
    sa.Column('phone_mobile', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('dmu_role', sa.Enum('decision_maker', 'influencer', 'approver', 'technical_expert', 'user', 'gatekeeper', name='dmurole', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('influence', sa.Integer(), nullable=True),
    sa.Column('attitude', sa.Enum('supporter', 'neutral', 'opponent', name='attitude', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('psychotype', sa.Enum('analyst', 'expressive', 'directive', 'friendly', name='psychotype', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('is_kol', sa.Boolean(), nullable=False),
    sa.Column('reports_to_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('map_x', sa.Double(), nullable=True),
    sa.Column('map_y', sa.Double(), nullable=True),
    sa.Column('consent_given', sa.Boolean(), nullable=False),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_contacts_account_id_accounts')),
    sa.ForeignKeyConstraint(['reports_to_id'], ['contacts.id'], name=op.f('fk_contacts_reports_to_id_contacts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_account_id'), ['account_id'], unique=False)
        batch_op.create_index('ix_contacts_surname', ['surname'], unique=False)

    op.create_table('offers',
    sa.Column('number', sa.String(length=50), nullable=False),
    sa.Column('edition', sa.Integer(), nullable=False),
    sa.Column('previous_edition_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('owner_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('status', sa.Enum('draft', 'sent', 'accepted', 'rejected', 'expired', name='offerstatus', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('offer_date', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('delivery_terms', sa.Text(), nullable=False),
    sa.Column('payment_terms', sa.Text(), nullable=False),
    sa.Column('benefit', sa.Text(), nullable=False),
    sa.Column('exclusivity', sa.Text(), nullable=False),
    sa.Column('needs_approval', sa.Boolean(), nullable=False),
    sa.Column('approved_by', sa.String(length=300), nullable=False),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('approval_status', sa.String(length=20), nullable=False),
    sa.Column('approval_comment', sa.Text(), nullable=False),
    sa.Column('approved_by_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('approval_requested_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_offers_account_id_accounts')),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_offers_approved_by_id_users')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_offers_owner_id_users')),
    sa.ForeignKeyConstraint(['previous_edition_id'], ['offers.id'], name=op.f('fk_offers_previous_edition_id_offers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offers')),
    sa.UniqueConstraint('number', 'edition', name=op.f('uq_offers_number'))
    )
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offers_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_offers_number'), ['number'], unique=False)

    op.create_table('relationship_events',
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('kind', sa.Enum('delivery', 'tender', 'agreement', 'complaint', 'note', name='relationshipeventkind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=True),
    sa.Column('tender_number', sa.String(length=100), nullable=False),
    sa.Column('tender_result', sa.Enum('pending', 'won', 'lost', 'cancelled', name='tenderresult', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('result_reason', sa.Text(), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_relationship_events_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relationship_events'))
    )
    with op.batch_alter_table('relationship_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relationship_events_account_id'), ['account_id'], unique=False)

    op.create_table('sales_records',
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('product_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_sales_records_account_id_accounts')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_sales_records_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_records')),
    sa.UniqueConstraint('account_id', 'product_id', 'month', name=op.f('uq_sales_records_account_id'))
    )
    with op.batch_alter_table('sales_records', schema=None) as batch_op:
        batch_op.create_index('ix_sales_records_month', ['month'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_records_product_id'), ['product_id'], unique=False)

    op.create_table('contact_personal',
    sa.Column('contact_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('education', sa.Text(), nullable=False),
    sa.Column('previous_jobs', sa.Text(), nullable=False),
    sa.Column('military_service', sa.Text(), nullable=False),
    sa.Column('family', sa.Text(), nullable=False),
    sa.Column('hobbies', sa.Text(), nullable=False),
    sa.Column('current_concerns', sa.Text(), nullable=False),
    sa.Column('smoking', sa.String(length=200), nullable=False),
    sa.Column('alcohol', sa.String(length=200), nullable=False),
    sa.Column('food_preferences', sa.String(length=500), nullable=False),
    sa.Column('topics_to_avoid', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_contact_personal_contact_id_contacts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_personal')),
    sa.UniqueConstraint('contact_id', name=op.f('uq_contact_personal_contact_id'))
    )
    op.create_table('offer_addressees',
    sa.Column('offer_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('contact_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('arguments', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_offer_addressees_contact_id_contacts')),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_offer_addressees_offer_id_offers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offer_addressees')),
    sa.UniqueConstraint('offer_id', 'contact_id', name=op.f('uq_offer_addressees_offer_id'))
    )
    op.create_table('offer_annexes',
    sa.Column('offer_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_offer_annexes_offer_id_offers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offer_annexes'))
    )
    with op.batch_alter_table('offer_annexes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offer_annexes_offer_id'), ['offer_id'], unique=False)

    op.create_table('offer_lines',
    sa.Column('offer_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.BigInteger(), nullable=False),
    sa.Column('discount_pct', sa.BigInteger(), nullable=False),
    sa.Column('vat_rate', sa.BigInteger(), nullable=True),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_offer_lines_offer_id_offers')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_offer_lines_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offer_lines'))
    )
    with op.batch_alter_table('offer_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offer_lines_offer_id'), ['offer_id'], unique=False)

    op.create_table('offer_status_changes',
    sa.Column('offer_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('from_status', sa.Enum('draft', 'sent', 'accepted', 'rejected', 'expired', name='offerstatus', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('to_status', sa.Enum('draft', 'sent', 'accepted', 'rejected', 'expired', name='offerstatus', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_offer_status_changes_offer_id_offers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offer_status_changes'))
    )
    with op.batch_alter_table('offer_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offer_status_changes_offer_id'), ['offer_id'], unique=False)

    op.create_table('offer_team_members',
    sa.Column('offer_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('position_in_list', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('job_title', sa.String(length=300), nullable=False),
    sa.Column('contacts', sa.String(length=500), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_offer_team_members_offer_id_offers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offer_team_members'))
    )
    with op.batch_alter_table('offer_team_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offer_team_members_offer_id'), ['offer_id'], unique=False)

    op.create_table('visits',
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('owner_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=500), nullable=False),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('status', sa.Enum('planned', 'done', 'reported', 'submitted', 'cancelled', 'rescheduled', name='visitstatus', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('is_commercial', sa.Boolean(), nullable=False),
    sa.Column('objective', sa.Text(), nullable=False),
    sa.Column('agenda', sa.Text(), nullable=False),
    sa.Column('questions', sa.Text(), nullable=False),
    sa.Column('materials', sa.Text(), nullable=False),
    sa.Column('target_result', sa.Text(), nullable=False),
    sa.Column('walk_away_point', sa.Text(), nullable=False),
    sa.Column('concessions', sa.Text(), nullable=False),
    sa.Column('offer_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('travel_override_min', sa.Integer(), nullable=True),
    sa.Column('rescheduled_from_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_visits_account_id_accounts')),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_visits_offer_id_offers')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_visits_owner_id_users')),
    sa.ForeignKeyConstraint(['rescheduled_from_id'], ['visits.id'], name=op.f('fk_visits_rescheduled_from_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index('ix_visits_account_starts', ['account_id', 'starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_starts_at'), ['starts_at'], unique=False)

    op.create_table('checklist_item_states',
    sa.Column('visit_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('item_key', sa.String(length=100), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_checklist_item_states_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_item_states')),
    sa.UniqueConstraint('visit_id', 'item_key', name=op.f('uq_checklist_item_states_visit_id'))
    )
    op.create_table('follow_up_tasks',
    sa.Column('account_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('owner_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('visit_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('offer_id', sa.LargeBinary(length=16), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_follow_up_tasks_account_id_accounts')),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_follow_up_tasks_offer_id_offers')),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_follow_up_tasks_owner_id_users')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_follow_up_tasks_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_tasks'))
    )
    with op.batch_alter_table('follow_up_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_tasks_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_tasks_due_on'), ['due_on'], unique=False)

    op.create_table('visit_attendees',
    sa.Column('visit_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('contact_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=True),
    sa.Column('planned', sa.Boolean(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_visit_attendees_contact_id_contacts')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_attendees_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_attendees')),
    sa.UniqueConstraint('visit_id', 'contact_id', name=op.f('uq_visit_attendees_visit_id'))
    )
    with op.batch_alter_table('visit_attendees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_attendees_contact_id'), ['contact_id'], unique=False)

    op.create_table('visit_products',
    sa.Column('visit_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('product_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('discussed', sa.Boolean(), nullable=True),
    sa.Column('planned', sa.Boolean(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_visit_products_product_id_products')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_products_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_products')),
    sa.UniqueConstraint('visit_id', 'product_id', name=op.f('uq_visit_products_visit_id'))
    )
    with op.batch_alter_table('visit_products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_products_product_id'), ['product_id'], unique=False)

    op.create_table('visit_reports',
    sa.Column('visit_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('actual_start', sa.DateTime(), nullable=True),
    sa.Column('actual_duration_min', sa.Integer(), nullable=True),
    sa.Column('objective_reached', sa.Boolean(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('agreements', sa.Text(), nullable=False),
    sa.Column('objections_heard', sa.Text(), nullable=False),
    sa.Column('questions_asked', sa.Text(), nullable=False),
    sa.Column('sentiment', sa.Enum('positive', 'neutral', 'negative', name='sentiment', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_reports_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_reports')),
    sa.UniqueConstraint('visit_id', name=op.f('uq_visit_reports_visit_id'))
    )
    op.create_table('visit_report_addenda',
    sa.Column('report_id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('server_version', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['visit_reports.id'], name=op.f('fk_visit_report_addenda_report_id_visit_reports')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_report_addenda'))
    )
    with op.batch_alter_table('visit_report_addenda', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_report_addenda_report_id'), ['report_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('visit_report_addenda', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_report_addenda_report_id'))

    op.drop_table('visit_report_addenda')
    op.drop_table('visit_reports')
    with op.batch_alter_table('visit_products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_products_product_id'))

    op.drop_table('visit_products')
    with op.batch_alter_table('visit_attendees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_attendees_contact_id'))

    op.drop_table('visit_attendees')
    with op.batch_alter_table('follow_up_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_tasks_due_on'))
        batch_op.drop_index(batch_op.f('ix_follow_up_tasks_account_id'))

    op.drop_table('follow_up_tasks')
    op.drop_table('checklist_item_states')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_starts_at'))
        batch_op.drop_index('ix_visits_account_starts')

    op.drop_table('visits')
    with op.batch_alter_table('offer_team_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offer_team_members_offer_id'))

    op.drop_table('offer_team_members')
    with op.batch_alter_table('offer_status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offer_status_changes_offer_id'))

    op.drop_table('offer_status_changes')
    with op.batch_alter_table('offer_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offer_lines_offer_id'))

    op.drop_table('offer_lines')
    with op.batch_alter_table('offer_annexes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offer_annexes_offer_id'))

    op.drop_table('offer_annexes')
    op.drop_table('offer_addressees')
    op.drop_table('contact_personal')
    with op.batch_alter_table('sales_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sales_records_product_id'))
        batch_op.drop_index('ix_sales_records_month')

    op.drop_table('sales_records')
    with op.batch_alter_table('relationship_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relationship_events_account_id'))

    op.drop_table('relationship_events')
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offers_number'))
        batch_op.drop_index(batch_op.f('ix_offers_account_id'))

    op.drop_table('offers')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index('ix_contacts_surname')
        batch_op.drop_index(batch_op.f('ix_contacts_account_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('account_stats', schema=None) as batch_op:
        batch_op.drop_index('ix_account_stats_list')
        batch_op.drop_index(batch_op.f('ix_account_stats_dossier_score'))

    op.drop_table('account_stats')
    op.drop_table('account_dossiers')
    with op.batch_alter_table('account_competitors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_competitors_account_id'))

    op.drop_table('account_competitors')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_status'))
        batch_op.drop_index(batch_op.f('ix_accounts_parent_id'))
        batch_op.drop_index(batch_op.f('ix_accounts_owner_id'))
        batch_op.drop_index('ix_accounts_name')
        batch_op.drop_index(batch_op.f('ix_accounts_kind'))
        batch_op.drop_index(batch_op.f('ix_accounts_client_type'))
        batch_op.drop_index(batch_op.f('ix_accounts_city'))

    op.drop_table('accounts')
    op.drop_table('users')
    with op.batch_alter_table('product_comparisons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_comparisons_product_id'))

    op.drop_table('product_comparisons')
    with op.batch_alter_table('price_list_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_price_list_items_product_id'))

    op.drop_table('price_list_items')
    with op.batch_alter_table('objection_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_objection_answers_product_id'))

    op.drop_table('objection_answers')
    with op.batch_alter_table('key_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_messages_product_id'))

    op.drop_table('key_messages')
    op.drop_table('text_bases')
    op.drop_table('territories')
    op.drop_table('sync_state')
    op.drop_table('sync_issues')
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_products_trade_name'))

    op.drop_table('products')
    op.drop_table('price_lists')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_status_id')
        batch_op.drop_index(batch_op.f('ix_change_log_entity_id'))

    op.drop_table('change_log')
    with op.batch_alter_table('card_drafts', schema=None) as batch_op:
        batch_op.drop_index('ix_card_drafts_account')

    op.drop_table('card_drafts')
    op.drop_table('app_settings')
