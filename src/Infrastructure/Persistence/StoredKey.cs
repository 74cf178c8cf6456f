namespace Sales.Infrastructure.Persistence;

/// <summary>
/// A stored sale's identity in 12 bytes: its day and reference are indexes into the texts of
/// <see cref="StoredKeys"/>, which hold each distinct one once.
/// </summary>
/// <param name="Day">Index of the day's text; days are read in key order, so it follows day order.</param>
/// <param name="Reference">Index of the reference's text.</param>
/// <param name="StoreId">Store id.</param>
/// <param name="Quantity">Units sold.</param>
/// <param name="Occurrence">Occurrence number among identical lines.</param>
internal readonly record struct StoredKey(ushort Day, ushort Reference, int StoreId, ushort Quantity, ushort Occurrence);
