"""Declarative base, naming convention and the column helpers every model uses."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Enum,
    Integer,
    MetaData,
    String,
    TypeDecorator,
    Uuid,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, declared_attr, mapped_column

from caseplan.models.text import clean_text

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class UuidPrimaryKey:
    """UUID keys, so records made in offline clinics can later merge without clashes."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id, sort_order=-1)


class Versioned:
    """Optimistic locking: a second writer gets a conflict instead of overwriting."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class UtcDateTime(TypeDecorator[datetime]):
    """Stores UTC without a zone (same on SQLite and PostgreSQL), hands back aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def text_column(
    max_length: int,
    *,
    label: str,
    multiline: bool = False,
    nullable: bool = False,
    default: str | None = "",
    name: bool = False,
) -> Any:
    """A bounded text column: CHECK(length) in the database, NFC and character rules on set.

    ``label`` names the field in error messages ("Goal", "Phone"...). A ``name`` refuses
    invisible characters too (see :func:`caseplan.models.text.clean_text`).
    """
    return mapped_column(
        String(max_length),
        nullable=nullable,
        default=default,
        info={
            "text": {
                "max_length": max_length,
                "label": label,
                "multiline": multiline,
                "name": name,
            }
        },
    )


def add_length_checks(metadata: MetaData) -> None:
    """Give every ``text_column`` a CHECK(length) so SQLite enforces limits as PostgreSQL does."""
    for table in metadata.tables.values():
        existing = {c.name for c in table.constraints if isinstance(c, CheckConstraint)}
        for column in table.columns:
            rule = column.info.get("text")
            name = f"{column.name}_length"
            if rule is None or f"ck_{table.name}_{name}" in existing or name in existing:
                continue
            table.append_constraint(
                CheckConstraint(f"length({column.name}) <= {rule['max_length']}", name=name)
            )


@event.listens_for(Mapper, "mapper_configured")
def _install_text_rules(mapper: Mapper[Any], class_: type[Any]) -> None:
    """Make every ``text_column`` normalise and validate values as they are set."""
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        rule = column.info.get("text")
        if rule is None:
            continue

        def _clean(target: Any, value: Any, oldvalue: Any, initiator: Any, rule: Any = rule) -> Any:
            if value is None:
                return None
            return clean_text(
                value,
                field=rule["label"],
                max_length=rule["max_length"],
                multiline=rule["multiline"],
                name=rule.get("name", False),
            )

        event.listen(getattr(class_, prop.key), "set", _clean, retval=True)


def enum_type(enum: type[Any], name: str) -> Enum:
    """A string column limited to the enum's values by a CHECK on both databases."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
