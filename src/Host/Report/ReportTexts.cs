namespace Sales.Host.Report;

/// <summary>
/// Every word of the report in one language. Templates take their figures already formatted
/// (<c>{0}</c>, <c>{1}</c>...) so that each language orders a sentence its own way.
/// </summary>
internal sealed record ReportTexts
{
    public required string Language { get; init; }
    public required string PercentFormat { get; init; }
    public required string ShortDayFormat { get; init; }
    public required string Title { get; init; }
    public required string RunLine { get; init; }
    public required string NoImport { get; init; }
    public required string CoveredImports { get; init; }
    public required string StockItem { get; init; }
    public required string AverageAxis { get; init; }
    public required string Revenue { get; init; }
    public required string RevenueAxis { get; init; }
    public required string Units { get; init; }
    public required string SalesLines { get; init; }
    public required string Period { get; init; }
    public required string PeriodValue { get; init; }
    public required string Stores { get; init; }
    public required string Products { get; init; }
    public required string WhatTheDataSays { get; init; }
    public required string NoSales { get; init; }
    public required string LeadingProduct { get; init; }
    public required string LeadingCity { get; init; }
    public required string BestStorePerEmployee { get; init; }
    public required string TrendUp { get; init; }
    public required string TrendDown { get; init; }
    public required string TrendFlat { get; init; }
    public required string TrendTooShort { get; init; }
    public required string BusiestWeekday { get; init; }
    public required string StockRunsOut { get; init; }
    public required string StockThen { get; init; }
    public required string NoData { get; init; }
    public required string ByDayTitle { get; init; }
    public required string ByDayAxis { get; init; }
    public required string DailyRevenue { get; init; }
    public required string SevenDayAverage { get; init; }
    public required string ByProductTitle { get; init; }
    public required string Product { get; init; }
    public required string Share { get; init; }
    public required string ByCityTitle { get; init; }
    public required string City { get; init; }
    public required string ByWeekdayTitle { get; init; }
    public required string Weekday { get; init; }
    public required string Occurrences { get; init; }
    public required string AveragePerDay { get; init; }
    public required string ByWeekTitle { get; init; }
    public required string Week { get; init; }
    public required string WeekOf { get; init; }
    public required string Change { get; init; }
    public required string PerEmployeeTitle { get; init; }
    public required string Store { get; init; }
    public required string StoreLabel { get; init; }
    public required string Employees { get; init; }
    public required string RevenuePerEmployee { get; init; }
    public required string CoverageTitle { get; init; }
    public required string Stock { get; init; }
    public required string AverageDailyUnits { get; init; }
    public required string CoverageDays { get; init; }
    public required string CoverageAxis { get; init; }
    public required string NoFiniteCoverage { get; init; }
    public required string Footer { get; init; }

    public static ReportTexts English { get; } = new()
    {
        Language = "en",
        PercentFormat = "{0:N2} %",
        ShortDayFormat = "d MMM",
        Title = "Sales report",
        RunLine = "Analysis run #{0} of {1} UTC, covering {2}.",
        NoImport = "no import",
        CoveredImports = "imports up to #{0} ({1} succeeded)",
        StockItem = "{0} ({1} days)",
        AverageAxis = "Average revenue per day (€)",
        Revenue = "Revenue",
        RevenueAxis = "Revenue (€)",
        Units = "Units sold",
        SalesLines = "Sales lines",
        Period = "Period",
        PeriodValue = "{0} to {1}",
        Stores = "Stores",
        Products = "Products",
        WhatTheDataSays = "What the data says",
        NoSales = "No sales are stored yet: the charts and tables are empty.",
        LeadingProduct = "{0} is the leading product: {1} of revenue, {2} of the total.",
        LeadingCity = "{0} is the leading city with {1} ({2} of revenue).",
        BestStorePerEmployee = "Store {0} in {1} earns the most per employee: {2} for each of its {3} employees.",
        TrendUp = "The last 7 days ({0} to {1}) brought {2}, up {3} on the 7 days before ({4}).",
        TrendDown = "The last 7 days ({0} to {1}) brought {2}, down {3} on the 7 days before ({4}).",
        TrendFlat = "The last 7 days ({0} to {1}) brought {2}, the same as the 7 days before.",
        TrendTooShort = "The last 7 days ({0} to {1}) brought {2}; the period is too short to compare with the 7 days before.",
        BusiestWeekday = "{0} is the busiest day of the week: {1} of revenue on average, against {2} on {3}, the quietest.",
        StockRunsOut = "Stock runs out first for {0}: in about {1} days at the current pace.",
        StockThen = "Next: {0}.",
        NoData = "No data in this analysis run.",
        ByDayTitle = "Revenue per day, with its 7-day average",
        ByDayAxis = "Day",
        DailyRevenue = "Revenue of the day",
        SevenDayAverage = "7-day average",
        ByProductTitle = "Revenue by product",
        Product = "Product",
        Share = "Share",
        ByCityTitle = "Revenue by city",
        City = "City",
        ByWeekdayTitle = "Revenue by day of the week",
        Weekday = "Day of the week",
        Occurrences = "Days in the period",
        AveragePerDay = "Average per day",
        ByWeekTitle = "Revenue by week",
        Week = "Week",
        WeekOf = "Week of {0}",
        Change = "Change on the week before",
        PerEmployeeTitle = "Revenue against employees, per store",
        Store = "Store",
        StoreLabel = "#{0} {1}",
        Employees = "Employees",
        RevenuePerEmployee = "Revenue per employee",
        CoverageTitle = "Stock coverage: days of stock left at the current pace",
        Stock = "Stock",
        AverageDailyUnits = "Units sold per day",
        CoverageDays = "Days of stock",
        CoverageAxis = "Days of stock",
        NoFiniteCoverage = "not sold",
        Footer = "Figures computed by the sales analyses (exact to the cent); amounts in euros.",
    };

    public static ReportTexts French { get; } = English with
    {
        Language = "fr",
        PercentFormat = "{0:N2}\u00A0%",
        ShortDayFormat = "d MMM",
        Title = "Rapport des ventes",
        RunLine = "Analyse n°\u00A0{0} du {1} UTC, couvrant {2}.",
        NoImport = "aucun import",
        CoveredImports = "jusqu'à l'import n°\u00A0{0} (imports réussis\u00A0: {1})",
        StockItem = "{0} ({1} jours)",
        AverageAxis = "Chiffre d'affaires moyen par jour (€)",
        Revenue = "Chiffre d'affaires",
        RevenueAxis = "Chiffre d'affaires (€)",
        Units = "Unités vendues",
        SalesLines = "Lignes de vente",
        Period = "Période",
        PeriodValue = "du {0} au {1}",
        Stores = "Magasins",
        Products = "Produits",
        WhatTheDataSays = "Ce que disent les chiffres",
        NoSales = "Aucune vente n'est encore enregistrée\u00A0: les graphiques et les tableaux sont vides.",
        LeadingProduct = "{0} est le produit en tête\u00A0: {1} de chiffre d'affaires, soit {2} du total.",
        LeadingCity = "{0} est la ville en tête avec {1} ({2} du chiffre d'affaires).",
        BestStorePerEmployee = "Le magasin {0} de {1} rapporte le plus par salarié\u00A0: {2} pour chacun de ses {3} salariés.",
        TrendUp = "Les 7 derniers jours (du {0} au {1}) ont rapporté {2}, soit {3} de plus que les 7 jours précédents ({4}).",
        TrendDown = "Les 7 derniers jours (du {0} au {1}) ont rapporté {2}, soit {3} de moins que les 7 jours précédents ({4}).",
        TrendFlat = "Les 7 derniers jours (du {0} au {1}) ont rapporté {2}, autant que les 7 jours précédents.",
        TrendTooShort = "Les 7 derniers jours (du {0} au {1}) ont rapporté {2}\u00A0; la période est trop courte pour les comparer aux 7 jours précédents.",
        BusiestWeekday = "Le {0} est le jour le plus actif\u00A0: {1} de chiffre d'affaires en moyenne, contre {2} le {3}, le plus calme.",
        StockRunsOut = "Le stock de {0} s'épuise en premier\u00A0: dans environ {1} jours au rythme actuel.",
        StockThen = "Ensuite\u00A0: {0}.",
        NoData = "Pas de données dans cette analyse.",
        ByDayTitle = "Chiffre d'affaires par jour, avec sa moyenne sur 7 jours",
        ByDayAxis = "Jour",
        DailyRevenue = "Chiffre d'affaires du jour",
        SevenDayAverage = "Moyenne sur 7 jours",
        ByProductTitle = "Chiffre d'affaires par produit",
        Product = "Produit",
        Share = "Part",
        ByCityTitle = "Chiffre d'affaires par ville",
        City = "Ville",
        ByWeekdayTitle = "Chiffre d'affaires par jour de la semaine",
        Weekday = "Jour de la semaine",
        Occurrences = "Jours dans la période",
        AveragePerDay = "Moyenne par jour",
        ByWeekTitle = "Chiffre d'affaires par semaine",
        Week = "Semaine",
        WeekOf = "Semaine du {0}",
        Change = "Évolution sur la semaine précédente",
        PerEmployeeTitle = "Chiffre d'affaires et salariés, par magasin",
        Store = "Magasin",
        StoreLabel = "n°\u00A0{0} {1}",
        Employees = "Salariés",
        RevenuePerEmployee = "Chiffre d'affaires par salarié",
        CoverageTitle = "Couverture du stock\u00A0: jours de stock restants au rythme actuel",
        Stock = "Stock",
        AverageDailyUnits = "Unités vendues par jour",
        CoverageDays = "Jours de stock",
        CoverageAxis = "Jours de stock",
        NoFiniteCoverage = "non vendu",
        Footer = "Chiffres calculés par les analyses des ventes (exacts au centime)\u00A0; montants en euros.",
    };
}
