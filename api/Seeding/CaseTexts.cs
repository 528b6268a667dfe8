namespace PetitionGraph.Api.Seeding;

/// <summary>Titles and demands by category code: generic, made-up matters.</summary>
internal static class CaseTexts
{
    private static readonly Dictionary<string, (string Title, string Demand)[]> ByCategory = new()
    {
        ["REAL_ESTATE"] = [("{v}商品房逾期交房", "要求开发商按合同交房并支付逾期违约金"), ("{v}小区产权证办理滞后", "要求尽快办理不动产权证书")],
        ["MAJOR_PROJECT"] = [("{v}道路施工影响出行", "要求调整施工时间并恢复通行"), ("{v}工程施工噪声扰民", "要求夜间停止施工")],
        ["ENVIRONMENT"] = [("{v}养殖场污水排放", "要求整治污水直排问题"), ("{v}企业废气异味", "要求查处异味排放并公开监测结果")],
        ["LAND"] = [("{v}征地补偿款发放争议", "要求按标准足额发放征地补偿款"), ("{v}房屋拆迁安置争议", "要求落实安置房面积与过渡费")],
        ["MEDICAL"] = [("{v}医疗纠纷赔偿", "要求医院承担诊疗责任并赔偿"), ("{v}卫生院服务投诉", "要求改进服务并书面道歉")],
        ["LABOUR"] = [("{v}企业拖欠工资", "要求支付拖欠的工资"), ("{v}工地欠薪", "要求总包单位清偿农民工工资")],
        ["SOCIAL_SECURITY"] = [("{v}低保资格认定", "要求重新核定低保资格"), ("{v}养老保险待遇核算", "要求重新核算养老保险待遇")],
        ["BANKRUPTCY"] = [("{v}企业破产职工安置", "要求落实职工经济补偿"), ("{v}企业关停债务清偿", "要求清偿职工集资款")],
        ["OTHER"] = [("{v}邻里宅基地纠纷", "要求依法确认宅基地界址"), ("{v}村务公开问题", "要求公开村集体财务")],
    };

    public static (string Title, string Demand) For(string categoryCode, string village, Random random)
    {
        var options = ByCategory[categoryCode];
        var (title, demand) = options[random.Next(options.Length)];
        return (title.Replace("{v}", village, StringComparison.Ordinal), demand);
    }
}
