"""Enumerations shared by every layer. Their values are stored, so never rename a value."""

from __future__ import annotations

from enum import Enum


class Role(str, Enum):
    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    COUNSELLOR = "counsellor"


class Stage(str, Enum):
    """Korean case-management stages (사례관리 단계), in order."""

    INTAKE = "intake"  # 접수·초기상담
    ASSESSMENT = "assessment"  # 사정
    PLANNING = "planning"  # 서비스 계획
    REFERRAL = "referral"  # 연계·의뢰
    MONITORING = "monitoring"  # 점검
    CLOSED = "closed"  # 종결
    FOLLOW_UP = "follow_up"  # 사후관리


class RiskLevel(str, Enum):
    URGENT = "urgent"  # 긴급
    HIGH = "high"  # 고
    MEDIUM = "medium"  # 중
    LOW = "low"  # 저


class SlotKind(str, Enum):
    ACCOUNT = "account"
    RECOVERY = "recovery"
