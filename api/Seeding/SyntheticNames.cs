using System.Globalization;

namespace PetitionGraph.Api.Seeding;

/// <summary>
/// Generated names, places, ID numbers and phones. Nothing here is, or is copied from, a real person:
/// ID numbers use region code 99 (assigned to no region) and phones the unassigned 100 prefix.
/// </summary>
public sealed class SyntheticNames(Random random)
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
         "梁", "郑", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余"];

    private static readonly string[] GivenChars =
        ["明", "华", "建", "国", "文", "军", "平", "志", "伟", "东", "海", "强", "晓", "永", "杰", "丽", "敏", "静", "秀", "芳",
         "春", "玉", "兰", "英", "红", "霞", "德", "福", "庆", "荣", "桂", "金", "宏", "振", "立", "新", "安", "顺", "和", "祥",
         "淑", "凤", "翠", "云", "雪", "梅", "双", "全", "发", "林"];

    private static readonly string[] PlaceFirst =
        ["青", "石", "柳", "桃", "杏", "枫", "松", "竹", "梅", "兰", "溪", "河", "湾", "岭", "坪", "塘", "桥", "岗", "长", "新"];

    private static readonly string[] PlaceSecond = ["山", "水", "林", "园", "田", "湖", "泉", "坡", "口", "头", "庄", "埠", "港", "湾"];

    public string PersonName() =>
        Pick(Surnames) + Pick(GivenChars) + (random.NextDouble() < 0.7 ? Pick(GivenChars) : "");

    /// <summary>Distinct two-character place names, in a fixed order for a given seed.</summary>
    public IReadOnlyList<string> PlaceNames(int count) =>
        PlaceFirst.SelectMany(a => PlaceSecond.Select(b => a + b))
            .OrderBy(_ => random.Next())
            .Take(count)
            .ToList();

    /// <summary>18-digit resident ID format with a valid check digit, under the unassigned region code 99.</summary>
    public string IdNumber(DateTime birth)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"99{random.Next(0, 10000):D4}{birth:yyyyMMdd}{random.Next(0, 1000):D3}");
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((ch, i) => (ch - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    public string Phone() => string.Create(CultureInfo.InvariantCulture, $"100{random.Next(0, 100_000_000):D8}");

    public string Address(string town, string village) =>
        string.Create(CultureInfo.InvariantCulture, $"{town}{village}{random.Next(1, 13)}组{random.Next(1, 80)}号");

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
