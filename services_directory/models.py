"""Database tables, shaped on the Open Referral UK (HSDS 3.0) profile.

Standard names where the standard has the concept (organization, service, phone,
schedule, service_area, location, service_at_location, taxonomy, taxonomy_term,
attribute); Signpost's additions sit beside them: concern and audience tags, `kind`,
provenance (`source_document`, `source_quote`), review dates and our three-valued
`status` (active, unverified, ended), which the ORUK export maps to the standard's.

The place hierarchy (area, area_name, postcode_district, area_council) is ours: ORUK
has no gazetteer.
"""
from sqlalchemy import (
    Boolean, Column, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Area(Base):
    """A place: country, county, district, town, village or ward."""

    __tablename__ = "area"
    id = Column(String(80), primary_key=True)  # slug from the data files, e.g. "thetford"
    name = Column(String(200), nullable=False)
    type = Column(String(20), nullable=False)
    parent_id = Column(String(80), ForeignKey("area.id"), index=True)
    latitude = Column(Float)
    longitude = Column(Float)
    # Names that are everyday words ("Stone", "Street") match only when capitalised.
    ambiguous = Column(Boolean, nullable=False, default=False)

    parent = relationship("Area", remote_side=[id])
    names = relationship("AreaName", back_populates="area", cascade="all, delete-orphan")
    postcode_districts = relationship(
        "PostcodeDistrict", back_populates="area", cascade="all, delete-orphan"
    )
    council = relationship("AreaCouncil", uselist=False, cascade="all, delete-orphan")


class AreaName(Base):
    """Every name a place is known by (its own name and aliases), for look-up."""

    __tablename__ = "area_name"
    id = Column(Integer, primary_key=True)
    area_id = Column(String(80), ForeignKey("area.id", ondelete="CASCADE"), nullable=False)
    name = Column(String(200), nullable=False)
    key = Column(String(200), nullable=False, index=True)  # normalised for matching
    area = relationship("Area", back_populates="names")


class PostcodeDistrict(Base):
    """An outward code (the part before the space, e.g. IP24) and the area it is in."""

    __tablename__ = "postcode_district"
    code = Column(String(8), primary_key=True)
    area_id = Column(String(80), ForeignKey("area.id", ondelete="CASCADE"), nullable=False)
    area = relationship("Area", back_populates="postcode_districts")


class AreaCouncil(Base):
    """The council that runs general services for an area: its general contact route,
    for questions the directory cannot answer. A separate table so that databases
    created before it existed gain it on the next `load` (create_all adds tables)."""

    __tablename__ = "area_council"
    area_id = Column(String(80), ForeignKey("area.id", ondelete="CASCADE"), primary_key=True)
    name = Column(String(200), nullable=False)
    website = Column(String(500))
    phone = Column(String(60))


class Organization(Base):
    __tablename__ = "organization"
    id = Column(String(36), primary_key=True)  # UUID, as ORUK requires
    name = Column(String(300), nullable=False, unique=True)
    description = Column(Text, nullable=False, default="")
    website = Column(String(500))
    services = relationship("Service", back_populates="organization")


class Service(Base):
    __tablename__ = "service"
    id = Column(String(36), primary_key=True)  # UUID, derived from the slug
    slug = Column(String(120), nullable=False, unique=True)
    organization_id = Column(String(36), ForeignKey("organization.id"), nullable=False)
    name = Column(String(300), nullable=False)
    description = Column(Text, nullable=False)
    kind = Column(String(30), nullable=False)
    status = Column(String(20), nullable=False, index=True)
    status_note = Column(Text)
    ended_on = Column(Date)
    url = Column(String(500))
    email = Column(String(300))
    text_contact = Column(String(300))
    webchat_url = Column(String(500))
    how_to_contact = Column(Text)
    hours = Column(String(300))
    open_24_7 = Column(Boolean, nullable=False, default=False)
    what_happens = Column(Text)
    minimum_age = Column(Integer)
    maximum_age = Column(Integer)
    source_document = Column(String(200), nullable=False)
    source_quote = Column(Text, nullable=False)
    assured_date = Column(Date)  # ORUK's name for "last verified"
    review_due = Column(Date, index=True)

    organization = relationship("Organization", back_populates="services")
    phones = relationship("Phone", cascade="all, delete-orphan", order_by="Phone.id")
    schedules = relationship("Schedule", cascade="all, delete-orphan", order_by="Schedule.id")
    # Ordered, so that an export is the same every time (and diffs show real changes).
    service_areas = relationship("ServiceArea", cascade="all, delete-orphan", order_by="ServiceArea.area_id")
    concerns = relationship("ServiceConcern", cascade="all, delete-orphan")
    audiences = relationship("ServiceAudience", cascade="all, delete-orphan")
    service_at_locations = relationship("ServiceAtLocation", cascade="all, delete-orphan",
                                        order_by="ServiceAtLocation.id")
    coverage = relationship("ServiceCoverage", cascade="all, delete-orphan")
    attributes = relationship(
        "Attribute",
        primaryjoin="and_(Service.id == foreign(Attribute.link_id), Attribute.link_type == 'service')",
        cascade="all, delete-orphan",
        viewonly=False,
        order_by="Attribute.taxonomy_term_id",
    )

    @property
    def concern_tags(self):
        return sorted(c.concern for c in self.concerns)

    @property
    def audience_tags(self):
        return sorted(a.audience for a in self.audiences)

    @property
    def area_ids(self):
        return sorted(a.area_id for a in self.service_areas)


class Phone(Base):
    __tablename__ = "phone"
    id = Column(Integer, primary_key=True)
    service_id = Column(String(36), ForeignKey("service.id", ondelete="CASCADE"), nullable=False, index=True)
    number = Column(String(60), nullable=False)
    description = Column(String(300))


class Schedule(Base):
    """Weekly opening times, iCal style as in ORUK (freq WEEKLY, byday, opens/closes)."""

    __tablename__ = "schedule"
    id = Column(Integer, primary_key=True)
    service_id = Column(String(36), ForeignKey("service.id", ondelete="CASCADE"), nullable=False, index=True)
    byday = Column(String(40), nullable=False)  # e.g. "MO,TU,WE,TH,FR"
    opens_at = Column(String(5), nullable=False)  # "09:00", UK local time
    closes_at = Column(String(5), nullable=False)  # "17:00"; "24:00" means midnight


class ServiceArea(Base):
    __tablename__ = "service_area"
    __table_args__ = (
        UniqueConstraint("service_id", "area_id"),
        Index("ix_service_area_area_service", "area_id", "service_id"),
    )
    id = Column(Integer, primary_key=True)
    service_id = Column(String(36), ForeignKey("service.id", ondelete="CASCADE"), nullable=False)
    area_id = Column(String(80), ForeignKey("area.id"), nullable=False)
    area = relationship("Area")


class ServiceConcern(Base):
    __tablename__ = "service_concern"
    __table_args__ = (Index("ix_service_concern_concern_service", "concern", "service_id"),)
    service_id = Column(String(36), ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    concern = Column(String(60), primary_key=True)


class ServiceCoverage(Base):
    """Derived, for search: one row per (area covered, concern) of each service, so that
    "services for this concern in any of these areas" is a range scan of one index
    instead of a probe per service covering the areas. Written by `load` and `import`
    alongside service_area and service_concern; never edited on its own."""

    __tablename__ = "service_coverage"
    __table_args__ = (Index("ix_service_coverage_service", "service_id"), {"sqlite_with_rowid": False})
    area_id = Column(String(80), ForeignKey("area.id"), primary_key=True)
    concern = Column(String(60), primary_key=True)
    service_id = Column(String(36), ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)


class ServiceAudience(Base):
    __tablename__ = "service_audience"
    service_id = Column(String(36), ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    audience = Column(String(40), primary_key=True)


class Location(Base):
    """Where a service is available. Signpost's records mostly know the area a service
    covers rather than an address, so most locations are the approximate centre of an
    area served (said so in `description`), never an invented address."""

    __tablename__ = "location"
    id = Column(String(36), primary_key=True)
    name = Column(String(300), nullable=False)
    description = Column(Text)
    location_type = Column(String(20), nullable=False)  # physical | postal | virtual
    latitude = Column(Float)
    longitude = Column(Float)
    area_id = Column(String(80), ForeignKey("area.id"), index=True)


class ServiceAtLocation(Base):
    __tablename__ = "service_at_location"
    id = Column(String(36), primary_key=True)
    service_id = Column(String(36), ForeignKey("service.id", ondelete="CASCADE"), nullable=False, index=True)
    location_id = Column(String(36), ForeignKey("location.id"), nullable=False, index=True)
    service = relationship("Service", back_populates="service_at_locations")
    location = relationship("Location")


class Taxonomy(Base):
    __tablename__ = "taxonomy"
    id = Column(String(36), primary_key=True)
    name = Column(String(200), nullable=False, unique=True)
    description = Column(Text, nullable=False)
    uri = Column(String(500))
    version = Column(String(40))


class TaxonomyTerm(Base):
    __tablename__ = "taxonomy_term"
    id = Column(String(36), primary_key=True)
    code = Column(String(120), nullable=False)
    name = Column(String(300), nullable=False)
    description = Column(Text, nullable=False)
    taxonomy_id = Column(String(36), ForeignKey("taxonomy.id"), nullable=False, index=True)
    term_uri = Column(String(500))
    taxonomy = relationship("Taxonomy")


class ConcernTerm(Base):
    """Which taxonomy terms each concern tag maps to (taxonomy.yml): the loader attaches
    them to every service with the concern, and the importer reads them backwards to
    give an imported service our concern tags."""

    __tablename__ = "concern_term"
    concern = Column(String(60), primary_key=True)
    taxonomy_term_id = Column(String(36), ForeignKey("taxonomy_term.id"), primary_key=True)


class Attribute(Base):
    """Links a record to a taxonomy term: how ORUK categorises a service."""

    __tablename__ = "attribute"
    __table_args__ = (Index("ix_attribute_term_link", "taxonomy_term_id", "link_id"),)
    id = Column(String(36), primary_key=True)
    link_id = Column(String(36), nullable=False, index=True)
    link_type = Column(String(40), nullable=False, default="service")
    taxonomy_term_id = Column(String(36), ForeignKey("taxonomy_term.id"), nullable=False)
    taxonomy_term = relationship("TaxonomyTerm")
