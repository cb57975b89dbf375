"""The database itself refuses strategy rows that would break the model."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import (
    FocusAreaFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


def test_a_strategy_cannot_end_before_it_starts(region):
    with pytest.raises(IntegrityError), transaction.atomic():
        StrategyFactory(region=region, start_year=2027, end_year=2021)


def test_a_region_has_only_one_current_strategy(strategy):
    with pytest.raises(IntegrityError), transaction.atomic():
        StrategyFactory(region=strategy.region, version=2, is_current=True)


def test_a_region_can_keep_earlier_versions_beside_the_current_one(strategy):
    StrategyFactory(region=strategy.region, version=2, is_current=False)
    assert strategy.region.strategies.count() == 2


def test_two_versions_of_a_strategy_cannot_share_a_number(strategy):
    with pytest.raises(IntegrityError), transaction.atomic():
        StrategyFactory(region=strategy.region, version=strategy.version, is_current=False)


def test_a_strategy_has_one_focus_area_of_each_number(focus_area):
    with pytest.raises(IntegrityError), transaction.atomic():
        FocusAreaFactory(strategy=focus_area.strategy, number=focus_area.number)


def test_the_same_number_may_appear_in_another_strategy(focus_area):
    other = StrategyFactory()
    assert FocusAreaFactory(strategy=other, number=focus_area.number).pk


def test_focus_areas_are_numbered_from_one(strategy):
    with pytest.raises(IntegrityError), transaction.atomic():
        FocusAreaFactory(strategy=strategy, number=0)


def test_an_indicator_has_one_value_a_year(strategy):
    indicator = IndicatorFactory(strategy=strategy)
    IndicatorValueFactory(indicator=indicator, year=2021)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValueFactory(indicator=indicator, year=2021)


def test_an_indicator_baseline_needs_its_year(strategy):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorFactory(strategy=strategy, baseline=10, baseline_year=None)


def test_an_indicator_value_year_must_be_plausible(strategy):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValueFactory(indicator=IndicatorFactory(strategy=strategy), year=21)


def test_values_are_read_as_a_list_in_the_regions_order(strategy):
    assert strategy.value_list == ["asiakaslähtöisyys", "osaaminen", "luottamus"]
